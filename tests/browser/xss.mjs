// Loads every page of a site built from content full of script payloads and checks that
// none of them runs: no dialog opens, no injected element appears, and the payload is
// shown as text. Also searches for a page whose title is a payload and checks the results.
// Usage: node tests/browser/xss.mjs --site <dir> --payload <text shown as a title>
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from './browser.mjs';
import { startServer } from './serve.mjs';

const { values } = parseArgs({ options: { site: { type: 'string' }, payload: { type: 'string' } } });
if (!values.site || !values.payload) {
  console.error('usage: node tests/browser/xss.mjs --site <dir> --payload <text>');
  process.exit(2);
}

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

const failures = [];
const server = await startServer(values.site);
const browser = await launchBrowser();
let shownAsText = 0;
const shownOn = new Set();
// Pages whose own editor fields (activity titles, places; news titles and summaries) carry the
// payload: it must be visible there as text.
const mustShow = ['/agenda/index.html', '/nieuws/index.html', '/leernetwerken/normaliseren/index.html'];
try {
  const pages = htmlFiles(values.site).map((f) => '/' + relative(values.site, f).split('\\').join('/'));
  for (const path of pages) {
    const page = await browser.newPage();
    page.on('dialog', async (dialog) => {
      failures.push(`${path}: a dialog opened (${dialog.message()})`);
      await dialog.dismiss();
    });
    await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
    await page.waitForTimeout(100);
    const injected = await page.evaluate(() => document.querySelectorAll('img[src="x"], img[onerror]').length);
    if (injected) failures.push(`${path}: ${injected} injected element(s) in the page`);
    const text = await page.evaluate(() => document.body.innerText);
    if (text.includes('<script>alert(1)</script>')) {
      shownAsText += 1;
      shownOn.add(path);
    }
    await page.close();
  }
  const page = await browser.newPage();
  page.on('dialog', async (dialog) => {
    failures.push(`search: a dialog opened (${dialog.message()})`);
    await dialog.dismiss();
  });
  await page.goto(new URL('/producten/', server.url).href);
  await page.click('input[name="query"]');
  // The home page, whose title is the script payload, has the heading "Start".
  await page.keyboard.type('start');
  await page.waitForSelector('.md-search-result__item', { timeout: 10000 }).catch(() => {});
  const titles = await page.locator('.md-search-result__item h1, .md-search-result__item h2').allTextContents();
  if (titles.length === 0) failures.push('search: no results for a page whose title is a payload');
  const injected = await page.evaluate(() => document.querySelectorAll('img[src="x"], img[onerror]').length);
  if (injected) failures.push(`search: ${injected} injected element(s) in the results`);
  console.log(`xss: ${pages.length} pages loaded, payload shown as text on ${shownAsText}, ${titles.length} search results`);
  if (shownAsText === 0) failures.push('the payload was not shown as text on any page');
  for (const path of mustShow) {
    if (pages.includes(path) && !shownOn.has(path)) failures.push(`${path}: the payload was not shown as text`);
  }
} finally {
  await browser.close();
  await server.close();
}
for (const failure of failures) console.log(`FAIL ${failure}`);
console.log(`xss: ${failures.length === 0 ? 'ok' : failures.length + ' failure(s)'}`);
process.exitCode = failures.length === 0 ? 0 : 1;
