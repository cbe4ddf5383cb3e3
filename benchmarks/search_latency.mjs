// Times site search in Debian's Chromium: from the first keystroke, typed as soon as the
// page has loaded, to the first result on screen; and the bytes of everything search
// downloaded by then (index files, worker, lunr). Works for our search and Material's stock
// search alike. Prints one JSON line (median of --runs fresh page loads).
// Usage: node benchmarks/search_latency.mjs --site <dir> [--query leernetwerk] [--runs 3]
import { parseArgs } from 'node:util';
import { launchBrowser } from '../tests/browser/browser.mjs';
import { startServer } from '../tests/browser/serve.mjs';

const { values } = parseArgs({
  options: { site: { type: 'string' }, query: { type: 'string', default: 'leernetwerk' }, runs: { type: 'string', default: '3' } },
});
if (!values.site) {
  console.error('usage: node benchmarks/search_latency.mjs --site <dir> [--query word] [--runs 3]');
  process.exit(2);
}

const SEARCH_FILES = /\/search\/|workers\/search|search-worker|\/lunr/;
const server = await startServer(values.site);
const browser = await launchBrowser();
const runs = [];
try {
  for (let run = 0; run < Number(values.runs); run += 1) {
    const context = await browser.newContext(); // empty cache every run
    const page = await context.newPage();
    // Bodies are read after the fact (reading a 6 MB body takes a while, and must not be
    // mistaken for a download still under way); which responses count is fixed at the first
    // result.
    const received = [];
    page.on('response', (response) => {
      if (!SEARCH_FILES.test(response.url())) return;
      received.push(
        response.body().then(
          (body) => ({ path: new URL(response.url()).pathname, length: body.length }),
          () => null, // redirects have no body
        ),
      );
    });
    await page.goto(new URL('/', server.url).href, { waitUntil: 'load' });
    await page.evaluate(() => {
      window.__firstResult = new Promise((resolve) => {
        const list = document.querySelector('.md-search-result__list');
        new MutationObserver((_, observer) => {
          if (list.querySelector('.md-search-result__item')) {
            observer.disconnect();
            resolve(performance.now());
          }
        }).observe(list, { childList: true, subtree: true });
      });
      document.querySelector('.md-search__input').addEventListener(
        'keydown', () => { window.__firstKey ??= performance.now(); }, { once: true },
      );
    });
    await page.locator('.md-search__input').click();
    await page.keyboard.type(values.query, { delay: 30 });
    // A search that never answers is a failure, not a hang.
    const firstResult = await page.evaluate(() => Promise.race([
      window.__firstResult,
      new Promise((_, reject) => setTimeout(() => reject(new Error('no search result within 60 s')), 60000)),
    ]));
    const beforeFirstResult = received.slice();
    const firstKey = await page.evaluate(() => window.__firstKey);
    const bodies = (await Promise.all(beforeFirstResult)).filter(Boolean);
    runs.push({
      ms: Math.round(firstResult - firstKey),
      bytes: bodies.reduce((sum, body) => sum + body.length, 0),
      files: [...new Set(bodies.map((body) => body.path))].sort(),
    });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
runs.sort((a, b) => a.ms - b.ms);
const median = runs[Math.floor(runs.length / 2)];
console.log(JSON.stringify({ first_result_ms: median.ms, all_ms: runs.map((r) => r.ms), bytes_before_first_result: median.bytes, files: median.files }));
