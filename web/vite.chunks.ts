import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildEnvironmentOptions } from 'vite';

/** design-react-kit's icons, one module each, imported on first use by `<Icon icon="it-…">`. */
const ICON_MODULE = /design-react-kit[\\/]dist[\\/]Icon[\\/]assets[\\/](It[A-Za-z0-9]+)\.js$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** `it-map-marker` → `ItMapMarker`: the icons the app's own code names, by module name. */
function iconsNamedIn(srcDir: string): Set<string> {
  const names = new Set<string>();
  for (const file of sourceFiles(srcDir))
    for (const [name] of readFileSync(file, 'utf8').matchAll(/\bit-[a-z0-9-]+/g))
      names.add(
        name
          .split('-')
          .map((part) => part[0]!.toUpperCase() + part.slice(1))
          .join(''),
      );
  return names;
}

/**
 * How the build is cut in chunks (issue 14 item 20, the page weight). Every request costs ~1 KB
 * of response headers (the security headers included), as much as a small chunk's body:
 * - what every page needs (React, the router, design-react-kit's shell, the Italian dictionary)
 *   is one chunk;
 * - the icons the app names, ~30 tiny modules that design-react-kit imports one at a time, are
 *   one chunk of ~4 KB (the public home alone showed ten);
 * - helpers shared by a few pages are copied into each page's chunk when small
 *   (`experimentalInlineCommonChunks`), so a page is one request, not ten.
 */
export function chunking(srcDir: string): BuildEnvironmentOptions['rolldownOptions'] {
  const icons = iconsNamedIn(srcDir);
  return {
    preserveEntrySignatures: false,
    output: {
      codeSplitting: {
        groups: [
          { name: 'app', tags: ['$initial'], priority: 2 },
          {
            name: 'icons',
            test: (id) => icons.has(ICON_MODULE.exec(id)?.[1] ?? ''),
            priority: 1,
          },
        ],
        experimentalInlineCommonChunks: { maxSize: 8 * 1024 },
      },
    },
  };
}
