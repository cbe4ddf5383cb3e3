// Checks the privacy statement's promise: visiting pages, searching and switching
// language leaves no cookie and nothing in localStorage or sessionStorage. The LISO tool
// keeps answers in localStorage only once a visitor answers a question (tests/browser/
// liso-tool.mjs checks that and its "clear everything"); merely opening it stores nothing.
// Usage: node tests/browser/storage.mjs --site <dir>   (exit 0 clean, 1 something stored)
import { parseArgs } from 'node:util';
import { startServer } from './serve.mjs';
import { launchBrowser } from './browser.mjs';

const { values } = parseArgs({ options: { site: { type: 'string' } } });
if (!values.site) {
  console.error('usage: node tests/browser/storage.mjs --site <dir>');
  process.exit(2);
}
const server = await startServer(values.site);
const browser = await launchBrowser();
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL('/', server.url).href);
  await page.click('input[name="query"]');
  await page.keyboard.type('normaliseren');
  await page.waitForSelector('.md-search-result__item', { timeout: 10000 });
  await page.goto(new URL('/en/producten/', server.url).href);
  await page.goto(new URL('/liso/', server.url).href);
  await page.goto(new URL('/liso/starten-of-evalueren/', server.url).href);
  await page.click('#liso-route-evalueren');
  await page.goto(new URL('/en/liso/starten-of-evalueren/', server.url).href);
  await page.goto(new URL('/over/privacy/', server.url).href);
  const stored = await page.evaluate(() => ({
    localStorage: Object.keys(localStorage),
    sessionStorage: Object.keys(sessionStorage),
  }));
  const cookies = await context.cookies();
  const found = [...stored.localStorage, ...stored.sessionStorage, ...cookies.map((c) => c.name)];
  console.log(`storage: ${found.length === 0 ? 'ok, nothing stored' : 'FAIL ' + found.join(', ')}`);
  process.exitCode = found.length === 0 ? 0 : 1;
} finally {
  await browser.close();
  await server.close();
}
