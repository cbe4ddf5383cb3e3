// lunr.js in a fresh VM context, set up as docs/assets/js/search-worker.js sets it up: lunr,
// for Dutch lunr-languages' support from Material's assets and our undouble step (taken from
// the worker's own source). Shared by the Node checks that compare the worker with lunr.py.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';

export function workerLunr(lang, materialAssets) {
  const require = createRequire(import.meta.url);
  const context = { console };
  context.self = context;
  vm.createContext(context);
  const load = (file) => vm.runInContext(readFileSync(file, 'utf8'), context, { filename: file });
  load(require.resolve('lunr/lunr.min.js'));
  if (lang === 'nl') {
    const worker = readFileSync(new URL('../../docs/assets/js/search-worker.js', import.meta.url), 'utf8');
    const undouble = worker.match(/const undouble = [^\n]+/)[0];
    load(`${materialAssets}/lunr/min/lunr.stemmer.support.min.js`);
    load(`${materialAssets}/lunr/min/lunr.nl.min.js`);
    vm.runInContext(`${undouble}; lunr.Pipeline.registerFunction(undouble, 'undouble-nl');`, context);
  }
  return { context, load, run: (code) => vm.runInContext(code, context) };
}
