// Prints, as JSON, what the browser's search pipeline makes of each word read from stdin
// (a JSON list): lunr.js with lunr-languages' Dutch support from Material's assets plus our
// undouble step, exactly as docs/assets/js/search-worker.js sets them up. The index is built
// in Python (hooks/samen/search_index.py); tests/test_search_index.py compares the two.
// Usage: node tests/browser/stems.mjs <nl|en> < words.json
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
const worker = readFileSync(new URL('../../docs/assets/js/search-worker.js', import.meta.url), 'utf8');
const undouble = worker.match(/const undouble = [^\n]+/)[0];
if (lang === 'nl') {
  load(`${materialAssets}/lunr/min/lunr.stemmer.support.min.js`);
  load(`${materialAssets}/lunr/min/lunr.nl.min.js`);
  vm.runInContext(`${undouble}; lunr.Pipeline.registerFunction(undouble, 'undouble-nl');`, context);
}
const words = JSON.parse(readFileSync(0, 'utf8'));
const stems = vm.runInContext(
  `(words) => {
    const pipeline = ${lang === 'nl'} ? lunr.Pipeline.load(['stemmer-nl', 'undouble-nl']) : lunr.Pipeline.load(['stemmer']);
    return words.map((w) => pipeline.runString(w)[0] ?? '');
  }`,
  context,
)(words);
console.log(JSON.stringify(stems));
