// The LISO tool ("Leernetwerk starten of evalueren") in Debian's Chromium, under the site's
// Content-Security-Policy (not bypassed): both routes filled in with the keyboard only, the
// computed profile (table, chart, strongest and attention) checked against the answers,
// answers kept after a reload, export to a file, clear everything, import the file again,
// a broken file refused, a foreign key skipped, the print view, the page without JavaScript,
// the English page, and axe-core on the page with its results shown.
// With --snapshot DIR it writes the page with its result shown (the DOM the script built) to
// DIR/resultaat/index.html, for the Nu Html Checker (tests/test_browser_quality.py).
// Usage: node tests/browser/liso-tool.mjs --site <dir> [--snapshot <dir>]   (exit 0 ok, 1 failures)
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from './browser.mjs';
import { startServer } from './serve.mjs';
import { checker } from './util.mjs';

const { values } = parseArgs({ options: { site: { type: 'string' }, snapshot: { type: 'string' } } });
if (!values.site) {
  console.error('usage: node tests/browser/liso-tool.mjs --site <dir>');
  process.exit(2);
}
const TOOL_NL = '/liso/starten-of-evalueren/';
const TOOL_EN = '/en/liso/starten-of-evalueren/';
const require = createRequire(import.meta.url);
const AXE = await readFile(path.join(path.dirname(require.resolve('axe-core/package.json')), 'axe.min.js'), 'utf8');

const { failures, check } = checker();

// The answer pattern for question number i (0-based) of a route; null leaves it unanswered.
const PATTERNS = {
  starten: (i) => [1, 2, 4, 4, 3, 3, 2, 1][Math.floor(i / 2)] ?? 1,
  evalueren: (i) => (i < 4 ? null : [4, 3, 2, 4, 3, 3][i % 6]),
};

async function watch(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => dialog.accept());
}

const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  const question = e.closest('[data-samen-liso-question]');
  const route = e.closest('[data-samen-liso-route]');
  return {
    tag: e.tagName, type: e.type || '', name: e.name || '', id: e.id,
    question: question ? question.getAttribute('data-samen-liso-question') : null,
    route: route ? route.getAttribute('data-samen-liso-route') : null,
    action: e.getAttribute('data-samen-liso-action'),
    submit: e.type === 'submit',
  };
});

/** Tab through the visible route and answer every question with the keyboard. */
async function fillRoute(page, route, pattern, notes) {
  const done = new Set();
  let index = -1;
  const order = await page.$$eval(`[data-samen-liso-route="${route}"] [data-samen-liso-question]`, (qs) => qs.map((q) => q.getAttribute('data-samen-liso-question')));
  for (let step = 0; step < 400; step++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now.submit && now.route === null && await page.evaluate(() => !!document.activeElement.closest('[data-samen-liso-form]'))) return true;
    if (now.route && now.route !== route) throw new Error(`Tab reached the hidden route ${now.route}`);
    if (!now.question || done.has(now.question + now.tag)) continue;
    done.add(now.question + now.tag);
    index = order.indexOf(now.question);
    if (now.tag === 'INPUT') {
      const value = pattern(index);
      if (value === null) continue;
      if (value === 1) await page.keyboard.press('Space');
      for (let i = 1; i < value; i++) await page.keyboard.press('ArrowRight');
    } else if (now.tag === 'TEXTAREA' && notes[now.question]) {
      await page.keyboard.type(notes[now.question]);
    }
  }
  return false;
}

/** The averages a visitor should see, computed here from the page's own configuration. */
function expectedProfile(config, route, pattern) {
  let i = 0;
  return config.elements.map((element) => {
    const answers = element.questions[route].map(() => pattern(i++)).filter((v) => v !== null);
    const average = answers.length ? Math.round((answers.reduce((a, b) => a + b, 0) / answers.length) * 10) / 10 : null;
    return { id: element.id, name: element.name, average, answered: answers.length, questions: element.questions[route].length };
  });
}

async function shownProfile(page) {
  return page.$$eval('[data-samen-liso-table] tbody tr', (rows) => rows.map((r) => ({
    id: r.getAttribute('data-element'),
    cells: [...r.querySelectorAll('td')].map((td) => td.textContent.trim()),
  })));
}

async function checkProfile(page, config, route, pattern, label) {
  const expected = expectedProfile(config, route, pattern);
  const decimal = config.lang === 'nl' ? ',' : '.';
  const max = config.scale[config.scale.length - 1].value;
  const shown = await shownProfile(page);
  const wanted = expected.map((e) => ({
    id: e.id,
    cells: [e.average === null ? config.text.not_answered : `${e.average.toFixed(1).replace('.', decimal)} ${config.text.out_of} ${max}`, `${e.answered} ${config.text.out_of} ${e.questions}`],
  }));
  check(JSON.stringify(shown) === JSON.stringify(wanted), `${label}: the table shows the computed profile (${shown.map((r) => r.cells[0]).join(' | ')})`);
  const bars = await page.locator('[data-samen-liso-chart] rect.samen-liso-chart__bar').count();
  check(bars === expected.filter((e) => e.average !== null).length, `${label}: the chart has one bar per answered element (${bars})`);
  const widths = await page.$$eval('[data-samen-liso-chart] rect.samen-liso-chart__bar', (rects) => rects.map((r) => Number(r.getAttribute('width'))));
  const scored = expected.filter((e) => e.average !== null);
  const ordered = scored.every((a, i) => scored.every((b, j) => (a.average > b.average) === (widths[i] > widths[j])));
  check(ordered, `${label}: longer bars for higher averages`);
  const averages = scored.map((e) => e.average);
  const high = Math.max(...averages);
  const low = Math.min(...averages);
  const names = (list) => page.$$eval(`[data-samen-liso-list="${list}"] a`, (as) => as.map((a) => a.textContent));
  if (high === low) {
    check(await page.locator('[data-samen-liso-same]').isVisible() && (await names('strongest')).length === 0, `${label}: all scores equal, so none stands out`);
    return;
  }
  const strongest = await names('strongest');
  const attention = await names('attention');
  check(JSON.stringify(strongest) === JSON.stringify(scored.filter((e) => e.average === high).map((e) => e.name)), `${label}: strongest elements (${strongest.join(', ')})`);
  check(JSON.stringify(attention) === JSON.stringify(scored.filter((e) => e.average === low).map((e) => e.name)), `${label}: elements that need attention (${attention.join(', ')})`);
  const hrefs = await page.$$eval('[data-samen-liso-list] a', (as) => as.map((a) => new URL(a.href).hash));
  const ids = new Set(config.elements.map((e) => `#${e.id}`));
  check(hrefs.length > 0 && hrefs.every((h) => ids.has(h)), `${label}: the lists link to the framework sections`);
}

const stored = (page, key) => page.evaluate((k) => localStorage.getItem(k), key);
const checkedRadios = (page) => page.$$eval('[data-samen-liso-question] input[type=radio]:checked', (rs) => rs.map((r) => r.id).sort());

const server = await startServer(values.site);
const browser = await launchBrowser();
const dir = await mkdtemp(path.join(tmpdir(), 'liso-'));
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await watch(page);
  // Playwright turns on file-chooser interception asynchronously when the first listener is
  // added; a listener from the start keeps it on, so a quick key press cannot race it.
  page.on('filechooser', () => {});
  await page.goto(new URL(TOOL_NL, server.url).href);
  const config = JSON.parse(await page.locator('[data-samen-liso-config]').textContent());
  check(config.elements.length === 8, `the tool asks about ${config.elements.length} kernelementen`);
  check((await page.evaluate(() => Object.keys(localStorage).length)) === 0, 'opening the tool stores nothing');
  check(!(await page.locator('[data-samen-liso-nojs]').isVisible()), 'with JavaScript the checklist note is hidden');
  check(await page.locator('[data-samen-liso-route="evalueren"]').isHidden(), 'only the chosen route is shown');

  // Route 1 (starting), keyboard only, with a note.
  const noteKey = `${config.elements[1].id}/${config.elements[1].questions.starten[0].id}`;
  const reached = await fillRoute(page, 'starten', PATTERNS.starten, { [noteKey]: 'Vijf tot twintig leden' });
  check(reached, 'starting: every question answered with Tab, Space and arrow keys, up to the button');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-samen-liso-result]:not([hidden])');
  await page.waitForTimeout(200);
  check((await focused(page)).id === 'liso-profiel-titel', 'starting: focus moves to the result heading');
  const announced = await page.locator('[data-samen-liso-status]').textContent();
  check(await page.getAttribute('[data-samen-liso-status]', 'role') === 'status' && announced.includes(config.results.strongest_heading), `starting: the result is announced (${announced.slice(0, 80)}...)`);
  await checkProfile(page, config, 'starten', PATTERNS.starten, 'starting');
  check((await page.locator('[data-samen-liso-report]').textContent()).includes('Vijf tot twintig leden'), 'starting: the note is in the report');

  // Kept after a reload.
  const before = await checkedRadios(page);
  await page.reload();
  check(JSON.stringify(await checkedRadios(page)) === JSON.stringify(before) && before.length === 16, `reload: the ${before.length} answers are kept`);
  check((await page.inputValue(`textarea[name="liso-starten-${noteKey.replace('/', '-')}-notitie"]`)) === 'Vijf tot twintig leden', 'reload: the note is kept');

  // Route 2 (evaluating), chosen with the keyboard; the first four questions left open.
  await page.focus('#liso-route-starten');
  await page.keyboard.press('ArrowDown');
  check(await page.isChecked('#liso-route-evalueren') && await page.locator('[data-samen-liso-route="starten"]').isHidden(), 'evaluating: the arrow key switches the route');
  await page.focus('#liso-route-evalueren');
  check(await fillRoute(page, 'evalueren', PATTERNS.evalueren, {}), 'evaluating: answered with the keyboard');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-samen-liso-result]:not([hidden])');
  await checkProfile(page, config, 'evalueren', PATTERNS.evalueren, 'evaluating');
  if (values.snapshot) {
    await mkdir(path.join(values.snapshot, 'resultaat'), { recursive: true });
    await writeFile(path.join(values.snapshot, 'resultaat', 'index.html'), '<!doctype html>\n' + (await page.evaluate(() => document.documentElement.outerHTML)));
  }

  // Export, clear, import.
  const saved = JSON.parse(await stored(page, config.storageKey));
  await page.focus('[data-samen-liso-action="export"]');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const exported = JSON.parse(await readFile(file, 'utf8'));
  check(exported.format === config.exportFormat && JSON.stringify(exported.answers) === JSON.stringify(saved.answers), `export: ${download.suggestedFilename()} holds both routes' answers`);

  await page.focus('[data-samen-liso-action="clear"]');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(150);
  const left = await page.evaluate(() => ({ local: Object.keys(localStorage), session: Object.keys(sessionStorage) }));
  check(left.local.length === 0 && left.session.length === 0, 'clear: nothing left in localStorage or sessionStorage');
  check((await checkedRadios(page)).length === 0 && await page.locator('[data-samen-liso-result]').isHidden(), 'clear: the form and the result are empty');
  await page.reload();
  check((await checkedRadios(page)).length === 0, 'clear: still empty after a reload');

  await page.focus('[data-samen-liso-action="import"]');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
  await chooser.setFiles(file);
  await page.waitForFunction(() => document.querySelectorAll('[data-samen-liso-question] input:checked').length > 0);
  await page.waitForTimeout(150);
  check(JSON.stringify(JSON.parse(await stored(page, config.storageKey)).answers) === JSON.stringify(saved.answers), 'import: the answers are back, and kept in this browser');
  check((await page.locator('[data-samen-liso-status]').textContent()).length > 0, `import: announced (${await page.locator('[data-samen-liso-status]').textContent()})`);
  await page.check('#liso-route-starten');
  check(JSON.stringify(await checkedRadios(page)) !== '[]', 'import: the starting route is filled again');

  // Print view of the full starting route (all answered, a note, strongest and attention):
  // the report only, on at most two pages; the print button shows the profile first.
  await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
  await page.click('[data-samen-liso-action="print"]');
  check(await page.evaluate(() => window.__printed === true) && await page.locator('[data-samen-liso-result]').isVisible() && (await page.locator('[data-samen-liso-list="attention"] a').count()) > 0, 'print: the button shows the full profile and opens the print dialog');
  await page.emulateMedia({ media: 'print' });
  const print = await page.evaluate(() => {
    const shown = (s) => { const e = document.querySelector(s); return !!e && getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().height > 0; };
    return { header: shown('.md-header'), sidebar: shown('.md-sidebar--primary'), form: shown('[data-samen-liso-form]'), buttons: shown('.samen-liso__tools'), report: shown('[data-samen-liso-report]'), chart: shown('[data-samen-liso-chart]'), title: shown('h1') };
  });
  check(!print.header && !print.sidebar && !print.form && !print.buttons && print.report && print.chart && print.title, `print: title and report shown; header, menu, form and buttons hidden (${JSON.stringify(print)})`);
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  if (process.env.LISO_PDF) await writeFile(process.env.LISO_PDF, pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  check(pages >= 1 && pages <= 2, `print: the report takes ${pages} A4 page(s)`);
  await page.emulateMedia({ media: 'screen' });

  const broken = path.join(dir, 'broken.json');
  await writeFile(broken, '{"not": "an export"');
  const [chooser2] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-samen-liso-action="import"]')]);
  await chooser2.setFiles(broken);
  await page.waitForTimeout(200);
  check((await page.locator('[data-samen-liso-status]').textContent()) === config.text.import_failed, 'import: a broken file is refused with a message');
  check(JSON.stringify(JSON.parse(await stored(page, config.storageKey)).answers) === JSON.stringify(saved.answers), 'import: a refused file changes nothing');

  const foreign = path.join(dir, 'foreign.json');
  const note = '<img src=x onerror="window.__xss=1">';
  await writeFile(foreign, JSON.stringify({
    format: config.exportFormat, version: 1, route: 'starten',
    answers: { starten: { [noteKey]: { value: 3, note }, 'bestaat/niet': { value: 2 } }, onbekend: {} },
  }));
  const [chooser3] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-samen-liso-action="import"]')]);
  await chooser3.setFiles(foreign);
  await page.waitForTimeout(200);
  check((await page.locator('[data-samen-liso-status]').textContent()).includes('2'), `import: unknown items skipped and counted (${await page.locator('[data-samen-liso-status]').textContent()})`);
  await page.click('button[type=submit]');
  const xss = await page.evaluate(() => ({ ran: window.__xss === 1, imgs: document.querySelectorAll('img[src="x"]').length }));
  check(!xss.ran && xss.imgs === 0 && (await page.locator('[data-samen-liso-report]').textContent()).includes(note), 'import: markup in a note is shown as text');

  // Under the site's policy: nothing was blocked, no request left the site.
  check((await page.evaluate(() => window.__violations)).length === 0, 'Content-Security-Policy: no violation');

  // axe-core with the result shown (quality.mjs checks the page as it loads).
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`));
  check(violations.length === 0, `axe with the result shown: ${violations.length} violation(s) ${violations.join(' | ')}`);
  await context.close();

  // Without JavaScript: a printable checklist of both routes.
  const nojs = await browser.newContext({ javaScriptEnabled: false });
  const plain = await nojs.newPage();
  await plain.goto(new URL(TOOL_NL, server.url).href);
  const visibleQuestions = await plain.locator('[data-samen-liso-question]:visible').count();
  const total = config.elements.reduce((n, e) => n + Object.values(e.questions).flat().length, 0);
  check(visibleQuestions === total, `without JavaScript: all ${visibleQuestions} questions of both routes are shown`);
  check(await plain.locator('[data-samen-liso-nojs]').isVisible() && !(await plain.locator('.samen-liso__tools').isVisible()) && !(await plain.locator('button[type=submit]').isVisible()), 'without JavaScript: the checklist note is shown, the buttons are not');
  await plain.emulateMedia({ media: 'print' });
  check(await plain.locator('[data-samen-liso-question]').first().isVisible(), 'without JavaScript: the checklist prints');
  await nojs.close();

  // The English page works alike.
  const en = await browser.newContext();
  const english = await en.newPage();
  await watch(english);
  await english.goto(new URL(TOOL_EN, server.url).href);
  const configEn = JSON.parse(await english.locator('[data-samen-liso-config]').textContent());
  await english.check(`input[name="liso-starten-${config.elements[0].id}-${config.elements[0].questions.starten[0].id}"][value="4"]`);
  await english.click('button[type=submit]');
  const firstRow = (await shownProfile(english))[0];
  check(configEn.lang === 'en' && firstRow.cells[0] === `4.0 ${configEn.text.out_of} 4`, `English: the profile in English (${firstRow.cells.join(', ')})`);
  check((await english.locator('[data-samen-liso-same]').textContent()) === configEn.results.no_difference, 'English: one answered element, so none stands out');
  await en.close();
} finally {
  await browser.close();
  await server.close();
}
console.log(`liso tool: ${failures.length === 0 ? 'ok' : failures.length + ' failure(s)'}`);
process.exitCode = failures.length === 0 ? 0 : 1;
