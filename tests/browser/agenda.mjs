// Drives the agenda filters (the site's one filter script, assets/js/list-filters.js) in
// Debian's Chromium on the mini-site built with SAMEN_BUILD_DATE=2025-06-15: filtering by
// leernetwerk and type, the count, hiding an empty upcoming/past section, the empty state,
// reset, URL state and a deep link.
// Usage: node tests/browser/agenda.mjs --site <dir>   (exit 0 ok, 1 failures)
import { parseArgs } from 'node:util';
import { launchBrowser } from './browser.mjs';
import { startServer } from './serve.mjs';
import { checker } from './util.mjs';

const { values } = parseArgs({ options: { site: { type: 'string' } } });
if (!values.site) {
  console.error('usage: node tests/browser/agenda.mjs --site <dir>');
  process.exit(2);
}
const { failures, check } = checker();

const server = await startServer(values.site);
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  const visible = () => page.locator('.samen-cards > .samen-card:visible').count();
  const sections = () => page.locator('section.samen-activities:visible').count();
  const status = () => page.locator('[data-samen-count]').textContent();
  const query = () => new URL(page.url()).search;

  await page.goto(new URL('/agenda/', server.url).href);
  check(await page.locator('form[data-samen-filters]').isVisible(), 'filters are shown with JavaScript');
  check((await visible()) === 10, 'all 10 activities shown at first');
  check((await status()) === '10 activiteiten', `count says 10 (${await status()})`);

  await page.selectOption('#filter-leernetwerk', 'normaliseren');
  check((await visible()) === 7, 'leernetwerk=normaliseren shows its 7 meetings');
  check(query() === '?leernetwerk=normaliseren', `URL holds the filter (${query()})`);

  await page.selectOption('#filter-type', 'symposium');
  check((await visible()) === 0, 'normaliseren + symposium shows nothing');
  check(await page.locator('[data-samen-empty]').isVisible(), 'the empty state is shown');
  check((await sections()) === 0, 'both sections are hidden when empty');

  await page.click('form[data-samen-filters] button[type="reset"]');
  await page.waitForTimeout(50);
  check((await visible()) === 10 && query() === '', 'reset shows everything and clears the URL');

  await page.selectOption('#filter-type', 'symposium');
  check((await visible()) === 1, 'type=symposium shows 1');
  check((await sections()) === 1, 'the upcoming section is hidden: the symposium is past');
  check((await status()) === '1 activiteit', `count says 1 (${await status()})`);

  await page.goto(new URL('/en/agenda/?type=jaarconferentie', server.url).href);
  check((await page.inputValue('#filter-type')) === 'jaarconferentie', 'a deep link sets the filter');
  check((await visible()) === 1, 'the deep link shows the one annual conference');
  check((await status()) === '1 activity', `English count (${await status()})`);
} finally {
  await browser.close();
  await server.close();
}
console.log(`agenda filters: ${failures.length === 0 ? 'ok' : failures.length + ' failure(s)'}`);
process.exitCode = failures.length === 0 ? 0 : 1;
