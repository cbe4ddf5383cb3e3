// Drives the list filters in Debian's Chromium. Catalogue: combining filters, the result
// count, URL state and the back button, the empty state, reset, keyboard use, deep links,
// English, and the page without JavaScript. Partner index: the region filter. Expected
// counts come from the site's own API files, so the test follows the real content.
// Usage: node tests/browser/list-filters.mjs --site <dir>   (exit 0 ok, 1 failures)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from './browser.mjs';
import { startServer } from './serve.mjs';
import { checker } from './util.mjs';

const { values } = parseArgs({ options: { site: { type: 'string' } } });
if (!values.site) {
  console.error('usage: node tests/browser/list-filters.mjs --site <dir>');
  process.exit(2);
}
const products = JSON.parse(readFileSync(join(values.site, 'api/v1/producten.json'), 'utf8')).products;
const field = { thema: (p) => p.themes.map((t) => t.id), leernetwerk: (p) => p.leernetwerken.map((l) => l.id),
  type: (p) => [p.type.id], doelgroep: (p) => p.audiences.map((a) => a.id), jaar: (p) => (p.year ? [String(p.year)] : []) };
const expected = (filters) => products.filter((p) => Object.entries(filters).every(([k, v]) => field[k](p).includes(v))).length;

const { failures, check } = checker();

const server = await startServer(values.site);
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  const visible = () => page.locator('.samen-cards > .samen-card:visible').count();
  const status = () => page.locator('[data-samen-count]').textContent();
  const query = () => new URL(page.url()).search;

  await page.goto(new URL('/producten/', server.url).href);
  check(await page.locator('form[data-samen-filters]').isVisible(), 'filters are shown with JavaScript');
  check((await visible()) === products.length, `all ${products.length} products shown at first`);

  const theme = products.flatMap(field.thema)[0];
  await page.selectOption('#filter-thema', theme);
  const byTheme = expected({ thema: theme });
  check((await visible()) === byTheme, `thema=${theme} shows ${byTheme}`);
  check(query() === `?thema=${theme}`, `URL holds the filter (${query()})`);

  const type = products.find((p) => field.thema(p).includes(theme)).type.id;
  await page.selectOption('#filter-type', type);
  const both = expected({ thema: theme, type });
  check((await visible()) === both, `thema=${theme} + type=${type} combine to ${both}`);
  check((await status()).includes(String(both)), `status announces ${both} (${await status()})`);
  check(query() === `?thema=${theme}&type=${type}`, `URL holds both filters (${query()})`);

  await page.goBack();
  check((await page.inputValue('#filter-type')) === '' && (await visible()) === byTheme, 'back button restores the previous filters');

  const other = products.flatMap(field.leernetwerk).find((l) => expected({ thema: theme, leernetwerk: l }) === 0);
  if (other) {
    await page.selectOption('#filter-leernetwerk', other);
    check((await visible()) === 0, `thema=${theme} + leernetwerk=${other} shows nothing`);
    check(await page.locator('[data-samen-empty]').isVisible(), 'the empty state is shown');
  }
  await page.click('form[data-samen-filters] button[type=reset]');
  await page.waitForTimeout(50);
  check((await visible()) === products.length && query() === '', 'reset shows everything and clears the URL');
  check(!(await page.locator('[data-samen-empty]').isVisible()), 'the empty state is hidden again');

  await page.focus('#filter-type');
  await page.keyboard.press('ArrowDown');
  const firstType = await page.inputValue('#filter-type');
  check(firstType !== '' && (await visible()) === expected({ type: firstType }), `keyboard: ArrowDown on a filter applies type=${firstType}`);
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
  check(focused === 'filter-doelgroep', `keyboard: Tab moves to the next filter (${focused})`);

  await page.goto(new URL(`/producten/?type=${type}`, server.url).href);
  check((await page.inputValue('#filter-type')) === type && (await visible()) === expected({ type }), 'a shared URL opens with its filters applied');

  await page.goto(new URL(`/en/producten/?thema=${theme}`, server.url).href);
  check((await visible()) === byTheme && (await status()).includes('knowledge product'), 'the English catalogue filters too');

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(new URL('/producten/', server.url).href);
  check(!(await plain.locator('form[data-samen-filters]').isVisible()), 'without JavaScript the filter form stays hidden');
  check((await plain.locator('.samen-cards > .samen-card:visible').count()) === products.length, 'without JavaScript every product is listed');
  check((await plain.locator('.samen-browse a').count()) === 3, 'without JavaScript the listing pages are linked');
  await noScript.close();

  const organisations = JSON.parse(readFileSync(join(values.site, 'api/v1/partners.json'), 'utf8')).organisations;
  const region = organisations.flatMap((o) => o.regions.map((r) => r.id))[0];
  const inRegion = organisations.filter((o) => o.regions.some((r) => r.id === region)).length;
  await page.goto(new URL('/partners/', server.url).href);
  const orgs = () => page.locator('li.samen-org:visible').count();
  check((await orgs()) === organisations.length, `partner index lists all ${organisations.length} organisations`);
  await page.selectOption('#filter-regio', region);
  check((await orgs()) === inRegion, `regio=${region} shows ${inRegion} organisations`);
  check(query() === `?regio=${region}`, `partner filter is kept in the URL (${query()})`);
  const emptyGroups = await page.locator('section[data-samen-filter-group]:visible').evaluateAll(
    (sections) => sections.filter((s) => !s.querySelector('li.samen-org:not([hidden])')).length);
  check(emptyGroups === 0, 'groups without a matching organisation are hidden');
  await page.goBack();
  check((await orgs()) === organisations.length, 'back button shows all organisations again');
} finally {
  await browser.close();
  await server.close();
}
console.log(`list filters: ${failures.length === 0 ? 'ok' : failures.length + ' failure(s)'}`);
process.exitCode = failures.length === 0 ? 0 : 1;
