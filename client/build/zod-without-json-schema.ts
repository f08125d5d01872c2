import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';

// zod's JSON Schema support: the server uses it (OpenAPI document); the browser never does.
const JSON_SCHEMA_MODULE = /[\\/]zod[\\/]v4[\\/]core[\\/](?:json-schema-processors|to-json-schema)\.js$/;
const DECLARED = /^export (?:const|let|var|function\*?|class) (\w+)/gm;
const RENAMED = /^export \{([^}]*)\}/gm;

/**
 * Leaves zod's JSON Schema generation out of the client bundle (about 5 KB gzipped of the
 * 120 KB budget). zod's schema classes reference it, so it cannot be tree-shaken; each of
 * its exports is replaced by a function that throws if ever called. Validation does not
 * touch it. The export list is read from zod's own module, so an upgrade keeps working.
 */
export function zodWithoutJsonSchema(): Plugin {
  return {
    name: 'convene:zod-without-json-schema',
    enforce: 'pre',
    async load(id) {
      const file = id.split('?')[0] ?? id;
      if (!JSON_SCHEMA_MODULE.test(file)) return null;
      const source = await readFile(file, 'utf8');
      const names = new Set<string>();
      for (const [, name] of source.matchAll(DECLARED)) names.add(name!);
      for (const [, list] of source.matchAll(RENAMED)) {
        for (const part of list!.split(',')) {
          const exported = part
            .trim()
            .split(/\s+as\s+/)
            .pop();
          if (exported) names.add(exported);
        }
      }
      const lines = [
        'const unsupported = () => { throw new Error("JSON Schema generation is not part of the browser build"); };',
        ...[...names].map((name) =>
          // Read lazily by schema properties such as .minLength; nothing in the client reads them.
          name === 'aggregateChecks'
            ? 'export const aggregateChecks = () => ({});'
            : `export const ${name} = unsupported;`,
        ),
      ];
      return lines.join('\n');
    },
  };
}
