// Drives site search in Debian's Chromium: Material's search box answered by our worker
// (docs/assets/js/search-worker.js) from the prebuilt index of the page's language.
// Real site: a Dutch query on a Dutch page finds only Dutch pages, inflected forms included;
// an English query on an English page only English pages; a one-letter typo still finds a
// title word; nothing found shows the empty state; keyboard: "/" focuses search and arrow
// keys reach a result; the result count is a status region. With --payload <text> and
// --query <word> (the XSS fixture site): text full of HTML in titles, teasers and tags of
// the results shows as text, and nothing from it becomes an element or runs.
// Usage: node tests/browser/search.mjs --site <dir> [--payload <text> --query <word>]
import { parseArgs } from 'node:util';
import { launchBrowser } from './browser.mjs';
import { startServer } from './serve.mjs';
import { checker } from './util.mjs';

const { values } = parseArgs({
  options: { site: { type: 'string' }, payload: { type: 'string' }, query: { type: 'string' } },
});
if (!values.site) {
  console.error('usage: node tests/browser/search.mjs --site <dir> [--payload <text> --query <word>]');
  process.exit(2);
}

const { failures, check } = checker();

const server = await startServer(values.site);
const browser = await launchBrowser();
const requests = [];

async function open(path) {
  const page = await browser.newPage();
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  page.on('pageerror', (error) => failures.push(`page error on ${path}: ${error.message}`));
  await page.goto(new URL(path, server.url).href);
  return page;
}

/** Type a query and wait until the result count reflects it; returns the results. */
async function search(page, query) {
  const input = page.locator('input.md-search__input');
  await input.click();
  await input.fill('');
  await input.pressSequentially(query, { delay: 20 });
  await page.waitForFunction(
    () => !/Initial|Zoekfunctie/i.test(document.querySelector('.md-search-result__meta')?.textContent ?? ''),
  );
  await page.waitForTimeout(300); // Material debounces the query
  return page.evaluate(() => ({
    meta: document.querySelector('.md-search-result__meta').textContent.trim(),
    links: [...document.querySelectorAll('.md-search-result__link')].map((a) => new URL(a.href).pathname),
    titles: [...document.querySelectorAll('.md-search-result__article h1, .md-search-result__article h2')].map((h) => h.textContent),
    marks: [...document.querySelectorAll('.md-search-result mark')].map((m) => m.textContent.toLowerCase()),
    tags: [...document.querySelectorAll('.md-search-result .md-tag')].map((t) => t.textContent),
    texts: [...document.querySelectorAll('.md-search-result__article p')].map((p) => p.textContent),
    injected: document.querySelectorAll('.md-search-result script, .md-search-result img').length,
  }));
}

try {
  if (values.payload) {
    const page = await open('/');
    let dialogs = 0;
    page.on('dialog', async (dialog) => { dialogs += 1; await dialog.dismiss(); });
    const found = await search(page, values.query);
    const shown = [...found.titles, ...found.texts, ...found.tags];
    check(shown.some((t) => t.includes(values.payload)), `HTML in a result shows as text (${shown.find((t) => t.includes('<')) ?? shown[0]})`);
    check(found.injected === 0, 'no element from a title, text or tag is injected into the results');
    check(dialogs === 0, 'no script runs');
  } else {
    const page = await open('/');
    check((await page.locator('.md-search-result__meta').getAttribute('role')) === 'status', 'the result count is a status region');
    let found = await search(page, 'gezinnen');
    check(found.links.length > 0, `"gezinnen" finds Dutch pages (${found.meta})`);
    check(found.links.every((l) => !l.startsWith('/en/')), 'a Dutch page searches only Dutch pages');
    check(found.marks.includes('gezin'), `"gezinnen" also finds and marks the singular "gezin" (${[...new Set(found.marks)].join(', ')})`);
    check(requests.includes('/search/search_index.nl.json') && !requests.includes('/search/search_index.en.json'),
      'only the Dutch index is loaded');

    found = await search(page, 'normalisering');
    check(found.marks.some((m) => m.startsWith('normaliseren')), `"normalisering" finds "normaliseren" (${[...new Set(found.marks)].slice(0, 4).join(', ')})`);

    found = await search(page, 'kracht gewone');
    check(found.titles[0]?.startsWith('De kracht van het gewone'), `a title match ranks first (${found.titles[0]})`);
    check(found.tags.includes('Voorbeeldenbundel') && found.tags.includes('Leernetwerk Normaliseren'),
      `a product result shows its kind and leernetwerk (${found.tags.slice(0, 2).join(', ')})`);

    found = await search(page, 'gewpne');
    check(found.titles.some((t) => /gewone/i.test(t)), `a one-letter typo ("gewpne") still finds the title word "gewone" (${found.titles[0]})`);

    found = await search(page, 'xqzvwk');
    check(found.links.length === 0 && /geen/i.test(found.meta), `nothing found says so (${found.meta})`);

    await page.keyboard.press('Escape');
    await page.locator('body').click();
    await page.keyboard.press('/');
    check(await page.locator('input.md-search__input').evaluate((el) => el === document.activeElement), '"/" puts the focus in the search box');
    await page.keyboard.type('leernetwerk', { delay: 20 });
    await page.waitForTimeout(400);
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.closest('.md-search-result__item') !== null);
    check(focused, 'the arrow key moves the focus into the results');
    const target = await page.evaluate(() => document.activeElement.closest('a')?.href ?? document.activeElement.querySelector('a')?.href);
    await Promise.all([page.waitForURL((url) => url.href === target), page.keyboard.press('Enter')]);
    check(page.url() === target, `Enter opens the focused result (${new URL(page.url()).pathname}${new URL(page.url()).search})`);

    const english = await open('/en/');
    requests.length = 0;
    found = await search(english, 'families');
    check(found.links.length > 0, `"families" finds English pages (${found.meta})`);
    check(found.links.every((l) => l.startsWith('/en/')), 'an English page searches only English pages');
    check(found.marks.includes('family') || found.marks.includes('families'), `English stemming marks the match (${[...new Set(found.marks)].slice(0, 4).join(', ')})`);
    check(requests.includes('/search/search_index.en.json') && !requests.includes('/search/search_index.nl.json'),
      'only the English index is loaded');
    found = await search(english, 'xqzvwk');
    check(found.links.length === 0 && /no matching/i.test(found.meta), `nothing found says so in English (${found.meta})`);
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`search: ${failures.length === 0 ? 'ok' : failures.length + ' failure(s)'}`);
process.exitCode = failures.length === 0 ? 0 : 1;
