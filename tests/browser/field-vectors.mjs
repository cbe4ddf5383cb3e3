// Prints, as JSON, the field vectors that the search worker computes from a compact index
// read from stdin (docs/assets/js/search-index-format.js, with lunr.js and the pipeline the
// worker registers). tests/test_search_index.py compares them with lunr.py's own vectors.
// Usage: node tests/browser/field-vectors.mjs <nl|en> <material assets folder> < index.json
import { readFileSync } from 'node:fs';
import { workerLunr } from './worker-lunr.mjs';

const [lang, materialAssets] = process.argv.slice(2);
const { context, load, run } = workerLunr(lang, materialAssets);
load(new URL('../../docs/assets/js/search-index-format.js', import.meta.url).pathname);
context.compact = JSON.parse(readFileSync(0, 'utf8'));
console.log(JSON.stringify(run('Object.fromEntries(expandSearchIndex(compact, lunr).toJSON().fieldVectors)')));
