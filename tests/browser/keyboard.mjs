// Keyboard use beyond the skip link, in Debian's Chromium: the menu on a phone-sized screen
// (reachable with Tab, opens with Enter, moves focus into the menu, closes with Escape, and
// hides its links from Tab while closed), search (type, move to a result, open it) and the
// LISO tool (route by arrow keys, an answer by Space, the profile by Enter, focus on the result;
// tests/browser/liso-tool.mjs fills in both routes completely).
// Usage: node tests/browser/keyboard.mjs --site <dir>   (exit 0 ok, 1 failures)
import { parseArgs } from 'node:util';
import { launchBrowser } from './browser.mjs';
import { startServer } from './serve.mjs';
import { checker } from './util.mjs';

const { values } = parseArgs({ options: { site: { type: 'string' } } });
if (!values.site) {
  console.error('usage: node tests/browser/keyboard.mjs --site <dir>');
  process.exit(2);
}
const { failures, check } = checker();
const active = (page) => page.evaluate(() => {
  const e = document.activeElement;
  const box = e.getBoundingClientRect();
  const style = getComputedStyle(e);
  return {
    tag: e.tagName, label: e.getAttribute('aria-label') || e.textContent.trim().slice(0, 40),
    inDrawer: !!e.closest('.md-sidebar--primary'),
    visible: box.width > 0 && box.height > 0 && box.right > 0 && box.left < innerWidth && style.visibility !== 'hidden',
  };
});

const server = await startServer(values.site);
const browser = await launchBrowser();
try {
  const phone = await browser.newPage({ viewport: { width: 390, height: 800 } });
  await phone.goto(new URL('/over/', server.url).href);
  let menu = null;
  const closedDrawerStops = [];
  for (let i = 0; i < 40; i++) {
    await phone.keyboard.press('Tab');
    const now = await active(phone);
    if (now.inDrawer) closedDrawerStops.push(now.label);
    if (now.tag === 'BUTTON' && now.label === 'Menu') { menu = now; break; }
  }
  check(menu !== null, 'phone: Tab reaches the menu button');
  check(closedDrawerStops.length === 0, `phone: Tab skips the links of the closed menu (${closedDrawerStops.join(', ')})`);
  await phone.keyboard.press('Enter');
  await phone.waitForTimeout(400);
  check(await phone.isChecked('#__drawer'), 'phone: Enter opens the menu');
  check((await phone.getAttribute('button[aria-label="Menu"]', 'aria-expanded')) === 'true', 'phone: the button says the menu is expanded');
  const inside = await active(phone);
  check(inside.inDrawer && inside.visible, `phone: focus moves to a visible link in the menu (${inside.label})`);
  await phone.keyboard.press('Tab');
  const next = await active(phone);
  check(next.inDrawer && next.visible, `phone: Tab moves through the open menu (${next.label})`);
  await phone.keyboard.press('Escape');
  await phone.waitForTimeout(400);
  const back = await active(phone);
  check(!(await phone.isChecked('#__drawer')) && back.label === 'Menu', 'phone: Escape closes the menu and returns focus to its button');

  const desk = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await desk.goto(new URL('/', server.url).href);
  let search = false;
  for (let i = 0; i < 15 && !search; i++) {
    await desk.keyboard.press('Tab');
    search = await desk.evaluate(() => document.activeElement.matches('input[name="query"]'));
  }
  check(search, 'desktop: Tab reaches the search box');
  await desk.keyboard.type('normaliseren');
  await desk.waitForSelector('.md-search-result__item', { timeout: 10000 }).catch(() => {});
  const results = await desk.locator('.md-search-result__item').count();
  check(results > 0, `search: typing shows results (${results})`);
  await desk.keyboard.press('ArrowDown');
  const onResult = await desk.evaluate(() => !!document.activeElement.closest('.md-search-result__item'));
  check(onResult, 'search: ArrowDown moves to the first result');
  const before = desk.url();
  await desk.keyboard.press('Enter');
  await desk.waitForLoadState('load');
  await desk.waitForTimeout(300);
  check(desk.url() !== before, `search: Enter opens the result (${new URL(desk.url()).pathname})`);

  const tool = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await tool.goto(new URL('/liso/starten-of-evalueren/', server.url).href);
  const focusedId = () => tool.evaluate(() => document.activeElement.id);
  let onRoute = false;
  for (let i = 0; i < 80 && !onRoute; i++) {
    await tool.keyboard.press('Tab');
    onRoute = (await focusedId()) === 'liso-route-starten';
  }
  check(onRoute, 'tool: Tab reaches the route choice');
  await tool.keyboard.press('ArrowDown');
  check(await tool.isChecked('#liso-route-evalueren'), 'tool: an arrow key chooses the other route');
  let onQuestion = false;
  for (let i = 0; i < 10 && !onQuestion; i++) {
    await tool.keyboard.press('Tab');
    onQuestion = await tool.evaluate(() => !!document.activeElement.closest('[data-samen-liso-route="evalueren"] [data-samen-liso-question]'));
  }
  check(onQuestion, 'tool: Tab moves on to the first question of that route');
  await tool.keyboard.press('Space');
  const answered = await tool.evaluate(() => document.querySelectorAll('[data-samen-liso-question] input:checked').length);
  check(answered === 1, 'tool: Space answers the question');
  let onSubmit = false;
  for (let i = 0; i < 120 && !onSubmit; i++) {
    await tool.keyboard.press('Tab');
    onSubmit = await tool.evaluate(() => document.activeElement.type === 'submit' && !!document.activeElement.closest('[data-samen-liso-form]'));
  }
  check(onSubmit, 'tool: Tab reaches the profile button');
  await tool.keyboard.press('Enter');
  await tool.waitForTimeout(300);
  check((await focusedId()) === 'liso-profiel-titel', 'tool: Enter shows the profile and focus moves to its heading');
} finally {
  await browser.close();
  await server.close();
}
console.log(`keyboard: ${failures.length === 0 ? 'ok' : failures.length + ' failure(s)'}`);
process.exitCode = failures.length === 0 ? 0 : 1;
