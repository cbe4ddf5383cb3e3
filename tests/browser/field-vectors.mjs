// Prints, as JSON, the field vectors that the search worker computes from a compact index
// read from stdin (docs/assets/js/search-index-format.js, with lunr.js and the pipeline the
// worker registers). tests/test_search_index.py compares them with lunr.py's own vectors.
// Usage: node tests/browser/field-vectors.mjs <nl|en> <material assets folder> < index.json
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';

const [lang, materialAssets] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const context = { console };
context.self = context;
vm.createContext(context);
const load = (file) => vm.runInContext(readFileSync(file, 'utf8'), context, { filename: file });
load(require.resolve('lunr/lunr.min.js'));
if (lang === 'nl') {
  load(`${materialAssets}/lunr/min/lunr.stemmer.support.min.js`);
  load(`${materialAssets}/lunr/min/lunr.nl.min.js`);
  vm.runInContext("lunr.Pipeline.registerFunction((t) => t, 'undouble-nl');", context);
}
load(new URL('../../docs/assets/js/search-index-format.js', import.meta.url).pathname);
context.compact = JSON.parse(readFileSync(0, 'utf8'));
const vectors = vm.runInContext(
  'Object.fromEntries(expandSearchIndex(compact, lunr).toJSON().fieldVectors)',
  context,
);
console.log(JSON.stringify(vectors));
