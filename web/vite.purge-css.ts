import { createHash } from 'node:crypto';
import { PurgeCSS } from 'purgecss';
import type { OutputBundle } from 'rolldown';
import type { Plugin } from 'vite';

/**
 * Class names that design-react-kit and reactstrap put together at run time from the props the app
 * gives them (`icon-${color}`, `icon-${size}`, `it-header-${type}-wrapper`, reactstrap's
 * `btn-${color}` with its default), so no chunk spells them out. A new prop value on `<Icon>`,
 * `<Header>` or `<Button>` goes here; the app's own classes are found in its chunks.
 */
const COMPOSED_AT_RUN_TIME = [
  'icon-primary',
  'icon-white',
  'icon-sm',
  'icon-lg',
  'it-header-slim-wrapper',
  'it-header-center-wrapper',
  'it-header-navbar-wrapper',
  'btn-primary',
  'btn-secondary',
];

/**
 * The stylesheet's name was hashed before the purge, from the whole of Bootstrap Italia: a build
 * whose pages use one more class would keep the name and a cached (immutable) stylesheet without
 * that class. It takes a name from what is now in it, and index.html (the only page naming it) follows.
 */
function renameByContent(bundle: OutputBundle, before: string, css: string): string {
  const hash = createHash('sha256').update(css).digest('base64url').slice(0, 8);
  const after = before.replace(/-[\w-]+(\.css)$/, `-${hash}$1`);
  Reflect.deleteProperty(bundle, before);
  for (const output of Object.values(bundle)) {
    if (output.type === 'asset' && output.fileName.endsWith('.html'))
      output.source = String(output.source).replaceAll(before, after);
    if (output.type === 'chunk') {
      const css = output.viteMetadata?.importedCss;
      if (css?.delete(before)) css.add(after);
      if (output.code.includes(before)) throw new Error(`${output.fileName} names ${before}`);
    }
  }
  return after;
}

/**
 * Removes from the entry's stylesheet (Bootstrap Italia is ~580 kB of it) the rules whose
 * selectors name a class, id or element that appears in none of the built chunks nor in
 * index.html. Lazy chunks' own stylesheets (Leaflet's, whose classes are composed at run time)
 * are left whole.
 */
export function purgeUnusedCss(): Plugin {
  return {
    name: 'legami-purge-unused-css',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const outputs = Object.values(bundle);
      const raw = outputs.flatMap((output) => {
        if (output.type === 'chunk') return [{ raw: output.code, extension: 'js' }];
        if (output.fileName.endsWith('.html')) return [{ raw: String(output.source), extension: 'html' }];
        return [];
      });
      // The entry's stylesheets may sit on a chunk the entry imports statically (the shared vendor chunk).
      const initial = new Set<string>();
      const visit = (fileName: string) => {
        const output = bundle[fileName];
        if (initial.has(fileName) || output?.type !== 'chunk') return;
        initial.add(fileName);
        output.imports.forEach(visit);
      };
      outputs.forEach((output) => output.type === 'chunk' && output.isEntry && visit(output.fileName));
      const entryCss = new Set(
        [...initial].flatMap((fileName) => {
          const output = bundle[fileName];
          return output?.type === 'chunk' ? [...(output.viteMetadata?.importedCss ?? [])] : [];
        }),
      );
      for (const fileName of entryCss) {
        const asset = bundle[fileName];
        if (asset?.type !== 'asset') continue;
        const [purged] = await new PurgeCSS().purge({
          content: raw,
          css: [{ raw: String(asset.source) }],
          safelist: { standard: COMPOSED_AT_RUN_TIME },
          variables: true,
          keyframes: true,
        });
        if (!purged) continue;
        const renamed = renameByContent(bundle, fileName, purged.css);
        this.emitFile({ type: 'asset', fileName: renamed, source: purged.css });
      }
    },
  };
}
