import { PurgeCSS } from 'purgecss';
import type { Plugin } from 'vite';

/**
 * Class names that design-react-kit and reactstrap put together at run time from props
 * (`btn-${color}`, `icon-${size}`, `it-header-${type}-wrapper`…), so no chunk spells them out.
 */
const COMPOSED_AT_RUN_TIME = [/^btn-/, /^icon-/, /^it-header-/, /^theme-/, /^bg-/, /^table-/];

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
        });
        if (purged) asset.source = purged.css;
      }
    },
  };
}
