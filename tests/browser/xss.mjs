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
  // The LISO tool's results are built in the browser from data with payloads (kernelement
  // names, scale labels, result texts): answer so that the payload-named element is strongest.
  const tool = await browser.newPage();
  tool.on('dialog', async (dialog) => {
    failures.push(`liso tool: a dialog opened (${dialog.message()})`);
    await dialog.dismiss();
  });
  await tool.goto(new URL('/liso/starten-of-evalueren/', server.url).href);
  const questions = await tool.locator('[data-samen-liso-route="starten"] [data-samen-liso-question]').all();
  for (const [index, question] of questions.entries()) {
    await question.locator('input[type=radio]').nth(index < 2 ? 3 : 1).check();
  }
  await tool.click('[data-samen-liso-form] button[type=submit]');
  await tool.waitForSelector('[data-samen-liso-result]:not([hidden])');
  await tool.waitForTimeout(200);
  const toolInjected = await tool.evaluate(() => document.querySelectorAll('img[src="x"], img[onerror], [data-samen-liso-report] script').length);
  if (toolInjected) failures.push(`liso tool: ${toolInjected} injected element(s) in the result`);
  const report = await tool.locator('[data-samen-liso-report]').innerText();
  const strongest = await tool.locator('[data-samen-liso-list="strongest"]').innerText();
  const toolText = report.includes(values.payload) && strongest.includes(values.payload);
  if (!toolText) failures.push('liso tool: the payload in a kernelement name and a result text is not shown as text');
  const labels = await tool.locator('[data-samen-liso-question] label').allInnerTexts();
  if (!labels.some((l) => l.includes('<img src=x'))) failures.push('liso tool: the payload in a scale label is not shown as text');
  await tool.close();
  console.log(`xss: liso tool result ${toolText ? 'shows the payloads as text' : 'FAILED'}`);
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
