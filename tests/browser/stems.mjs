// Prints, as JSON, what the browser's search pipeline makes of each word read from stdin
// (a JSON list): lunr.js with lunr-languages' Dutch support from Material's assets plus our
// undouble step, exactly as docs/assets/js/search-worker.js sets them up. The index is built
// in Python (hooks/samen/search_index.py); tests/test_search_index.py compares the two.
// Usage: node tests/browser/stems.mjs <nl|en> <material assets folder> < words.json
import { readFileSync } from 'node:fs';
import { workerLunr } from './worker-lunr.mjs';

const [lang, materialAssets] = process.argv.slice(2);
const { run } = workerLunr(lang, materialAssets);
const words = JSON.parse(readFileSync(0, 'utf8'));
const stems = run(
  `(words) => {
    const pipeline = ${lang === 'nl'} ? lunr.Pipeline.load(['stemmer-nl', 'undouble-nl']) : lunr.Pipeline.load(['stemmer']);
    return words.map((w) => pipeline.runString(w)[0] ?? '');
  }`,
)(words);
console.log(JSON.stringify(stems));
