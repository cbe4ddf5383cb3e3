#!/usr/bin/env node
// Browser quality gate for the built site: accessibility (axe-core, WCAG 2.1
// A/AA), privacy (no request leaves the local server), JavaScript errors,
// keyboard basics and heading structure, on every .html page, in Chromium.
//
//   node tests/browser/quality.mjs --site site --report build-reports/quality.json [--limit N]
//
// Exit code: 0 all clean, 1 problems found, 2 usage error or crash.
// See tests/browser/README.md.

import { readFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { startServer } from './serve.mjs';
import { launchBrowser } from './browser.mjs';
import {
  UsageError,
  expectedLang,
  findHtmlFiles,
  parseArgs,
  plural,
  urlPathFor,
  writeJson,
} from './util.mjs';

const USAGE = `Usage: node tests/browser/quality.mjs --site <dir> --report <file.json> [options]

  --site DIR          built site folder (e.g. site)
  --report FILE       where to write the JSON report
  --limit N           check only the first N pages (sorted by path); 0 = all
  --concurrency N     pages checked at the same time (default 2)
  --base-path PATH    serve the site under this URL path (default /), for a
                      site_url with a path
  --timeout-ms N      navigation timeout per page (default 15000)
  --quiet             print only the summary, not every problem
`;

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const MAX_LISTED = 25; // problems printed per check in the human summary

const require = createRequire(import.meta.url);
const AXE_PATH = path.join(path.dirname(require.resolve('axe-core/package.json')), 'axe.min.js');

function isHttpLike(u) {
  return /^(https?|wss?):$/.test(u.protocol);
}

// --- checks that run inside the page --------------------------------------

/** Runs in the page after the first Tab: describes the focused element. */
async function describeFocus() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) {
    return { focused: false };
  }
  // Jump focus transitions (e.g. a skip link sliding in) to their end state.
  try {
    for (const a of document.getAnimations()) {
      try {
        a.finish();
      } catch {
        /* infinite animation: leave it */
      }
    }
  } catch {
    /* getAnimations unsupported: measure as is */
  }
  const describe = (e) => {
    let s = e.tagName.toLowerCase();
    if (e.id) s += '#' + e.id;
    if (typeof e.className === 'string' && e.className.trim()) {
      s += '.' + e.className.trim().split(/\s+/).join('.');
    }
    return s;
  };
  const style = (e) => {
    const cs = getComputedStyle(e);
    return {
      outlineStyle: cs.outlineStyle,
      outlineWidth: parseFloat(cs.outlineWidth) || 0,
      outlineColor: cs.outlineColor,
      boxShadow: cs.boxShadow,
      backgroundColor: cs.backgroundColor,
      color: cs.color,
      borderColor: cs.borderColor,
      borderWidth: cs.borderWidth,
      textDecoration: cs.textDecorationLine,
      opacity: cs.opacity,
      visibility: cs.visibility,
      display: cs.display,
    };
  };
  const transparent = (c) => c === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(c);
  const focusedStyle = style(el);
  const rect = el.getBoundingClientRect();
  let opacity = 1;
  for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
    opacity *= parseFloat(getComputedStyle(e).opacity);
  }
  const visible =
    rect.width > 0 &&
    rect.height > 0 &&
    rect.bottom > 0 &&
    rect.right > 0 &&
    rect.top < innerHeight &&
    rect.left < innerWidth &&
    opacity > 0.1 &&
    focusedStyle.visibility === 'visible';

  const hasOutline =
    focusedStyle.outlineStyle !== 'none' &&
    (focusedStyle.outlineStyle === 'auto' || focusedStyle.outlineWidth > 0) &&
    !transparent(focusedStyle.outlineColor);
  const hasShadow = focusedStyle.boxShadow && focusedStyle.boxShadow !== 'none';
  let indicator = hasOutline ? 'outline' : hasShadow ? 'box-shadow' : null;
  if (!indicator) {
    // Fallback: some other visible style change between focused and not.
    el.blur();
    const blurred = style(el);
    el.focus({ preventScroll: true });
    for (const k of ['backgroundColor', 'color', 'borderColor', 'borderWidth', 'textDecoration']) {
      if (blurred[k] !== focusedStyle[k]) {
        indicator = `${k} changes on focus`;
        break;
      }
    }
  }

  const href = el.getAttribute('href');
  let targetExists = null;
  let targetId = null;
  if (el.tagName === 'A' && href && href.startsWith('#') && href.length > 1) {
    try {
      targetId = decodeURIComponent(href.slice(1));
    } catch {
      targetId = href.slice(1);
    }
    targetExists = !!(document.getElementById(targetId) || document.getElementsByName(targetId).length);
  }
  return {
    focused: true,
    element: describe(el),
    tag: el.tagName.toLowerCase(),
    href,
    text: (el.innerText || el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 80),
    targetId,
    targetExists,
    visible,
    indicator,
    style: focusedStyle,
  };
}

/** Runs in the page: heading structure and <html lang>. */
function inspectDocument() {
  const container =
    document.querySelector('main article') ||
    document.querySelector('article') ||
    document.querySelector('main') ||
    document.body;
  const describe = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '');
  const levelOf = (h) =>
    /^H[1-6]$/.test(h.tagName) ? Number(h.tagName[1]) : Number(h.getAttribute('aria-level')) || 2;
  const text = (h) => (h.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 80);
  const headings = [...container.querySelectorAll('h1,h2,h3,h4,h5,h6,[role="heading"]')].map((h) => ({
    level: levelOf(h),
    text: text(h),
    selector: describe(h),
  }));
  const allH1 = [...document.querySelectorAll('h1')].map((h) => ({ text: text(h), selector: describe(h) }));
  return {
    lang: document.documentElement.getAttribute('lang'),
    title: document.title,
    container: container.tagName.toLowerCase() + (container.className ? '.' + String(container.className).trim().split(/\s+/)[0] : ''),
    headings,
    h1InContainer: headings.filter((h) => h.level === 1).length,
    allH1,
  };
}

// --- one worker: one browser context and tab, reused page after page ------
//
// A fresh context per page costs ~0.5 s here (new renderer process, axe-core
// compiled again); reusing one tab per worker keeps V8's compile cache warm.
// Each page still gets a fresh document; if anything goes wrong the worker
// starts a new context for the next page.

class Worker {
  constructor(browser, server, axeSource, opts, report) {
    Object.assign(this, { browser, server, axeSource, opts, report });
    this.origin = new URL(server.url).origin;
    this.context = null;
    this.page = null;
    this.current = null; // per-page collectors, see check()
  }

  async open() {
    const context = await this.browser.newContext({
      bypassCSP: true,
      serviceWorkers: 'block',
      viewport: { width: 1280, height: 800 },
    });
    const origin = this.origin;
    // Nothing may leave this machine: record and abort every non-local request.
    await context.route(
      (u) => isHttpLike(u) && u.origin !== origin,
      (route) => {
        const req = route.request();
        if (this.current) {
          this.current.blocked.add(req.url());
          this.recordExternal(req.url(), req.resourceType());
        }
        return route.abort('blockedbyclient');
      },
    );
    context.on('request', (req) => this.recordExternal(req.url(), req.resourceType()));
    const page = await context.newPage();
    page.setDefaultTimeout(this.opts.timeoutMs);
    page.on('websocket', (ws) => this.recordExternal(ws.url(), 'websocket'));
    page.on('pageerror', (err) => {
      this.error('pageerror', String(err && err.message ? err.message : err).slice(0, 500));
    });
    page.on('console', (msg) => {
      if (msg.type() !== 'error' || !this.current) return;
      const loc = msg.location();
      // Failures of requests we blocked on purpose are reported as external requests,
      // failed local requests by the 'response'/'requestfailed' listeners.
      if (loc && this.current.blocked.has(loc.url)) return;
      if (loc && loc.url && loc.url.startsWith(origin + '/') && msg.text().startsWith('Failed to load resource')) return;
      this.error('console.error', msg.text().slice(0, 500), loc && loc.url ? `${loc.url}:${loc.lineNumber}` : undefined);
    });
    page.on('response', (res) => {
      const cur = this.current;
      if (!cur || res.status() < 400 || res.url() === cur.url) return;
      if (new URL(res.url()).origin !== origin) return;
      this.error('http', `HTTP ${res.status()} for ${res.url().slice(origin.length)}`);
    });
    page.on('requestfailed', (req) => {
      const u = req.url();
      const why = req.failure()?.errorText || 'unknown error';
      // ERR_ABORTED: cancelled, e.g. by leaving the previous page; not a broken link.
      if (!this.current || !u.startsWith(origin + '/') || why.includes('ERR_ABORTED')) return;
      this.error('http', `request failed: ${u.slice(origin.length)} (${why})`);
    });
    this.context = context;
    this.page = page;
  }

  async close() {
    const ctx = this.context;
    this.context = this.page = null;
    if (ctx) await ctx.close().catch(() => {});
  }

  recordExternal(reqUrl, resourceType) {
    const cur = this.current;
    if (!cur) return;
    let u;
    try {
      u = new URL(reqUrl);
    } catch {
      return;
    }
    if (!isHttpLike(u) || u.origin === this.origin) return;
    if (!cur.external.has(reqUrl)) {
      cur.external.set(reqUrl, { page: cur.pagePath, url: reqUrl, host: u.host, resource_type: resourceType });
    }
  }

  error(type, message, source) {
    const cur = this.current;
    if (!cur) return;
    cur.errors.push({ page: cur.pagePath, type, message, ...(source ? { source } : {}) });
  }

  async check(rel) {
    const { report, opts } = this;
    const started = performance.now();
    const pagePath = urlPathFor(rel);
    const url = this.server.url + pagePath;
    const cur = { pagePath, url, blocked: new Set(), external: new Map(), errors: [] };
    const result = { path: rel, url: pagePath, status: null, ms: null, phases_ms: {} };
    let t0 = performance.now();
    const lap = (name) => {
      const t = performance.now();
      result.phases_ms[name] = Math.round(t - t0);
      t0 = t;
    };
    let healthy = false;
    try {
      if (!this.page) {
        await this.open();
        lap('open');
      }
      const page = this.page;
      this.current = cur;
      const response = await page.goto(url, { waitUntil: 'load', timeout: opts.timeoutMs });
      result.status = response ? response.status() : null;
      if (!response || response.status() >= 400) {
        this.error('http', `page answered HTTP ${result.status}`);
      }
      lap('load');

      // (d) keyboard: <html lang>; first Tab must reach a working skip link with visible focus.
      const doc = await page.evaluate(inspectDocument);
      const lang = expectedLang(rel);
      const kb = (check, message, extra = {}) =>
        report.keyboard_problems.push({ page: pagePath, check, message, ...extra });
      if ((doc.lang || '').trim().toLowerCase().split('-')[0] !== lang) {
        kb('html-lang', `<html lang="${doc.lang ?? ''}">, expected "${lang}"`);
      }
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(describeFocus);
      if (!focus.focused) {
        kb('skip-link', 'first Tab focuses nothing');
      } else {
        const el = { element: focus.element, text: focus.text };
        if (focus.tag !== 'a' || !focus.href || !focus.href.startsWith('#') || focus.href.length < 2) {
          kb('skip-link', `first Tab focuses ${focus.element} (href=${JSON.stringify(focus.href)}), not a skip link to an in-page target`, el);
        } else if (!focus.targetExists) {
          kb('skip-link', `skip link points to #${focus.targetId}, which does not exist`, el);
        }
        if (!focus.visible) {
          kb('focus-visible', `${focus.element} is not visible when focused`, el);
        }
        if (!focus.indicator) {
          kb('focus-indicator', `${focus.element} shows no focus indicator (outline ${focus.style.outlineStyle}, box-shadow ${focus.style.boxShadow})`, el);
        }
      }

      lap('keyboard');

      // (e) headings in the main content.
      const hp = (check, message, extra = {}) =>
        report.heading_problems.push({ page: pagePath, check, message, container: doc.container, ...extra });
      if (doc.allH1.length !== 1) {
        hp('one-h1', `${doc.allH1.length} h1 elements on the page (expected exactly 1)`, { h1: doc.allH1 });
      } else if (doc.h1InContainer !== 1) {
        hp('one-h1', `the h1 is outside the main content (${doc.container})`, { h1: doc.allH1 });
      }
      if (doc.headings.length && doc.headings[0].level !== 1) {
        hp('first-heading', `main content starts with h${doc.headings[0].level} "${doc.headings[0].text}", not h1`);
      }
      for (let i = 1; i < doc.headings.length; i++) {
        const prev = doc.headings[i - 1];
        const h = doc.headings[i];
        if (h.level > prev.level + 1) {
          hp('level-skip', `h${prev.level} "${prev.text}" is followed by h${h.level} "${h.text}"`, { heading: h.selector });
        }
      }

      // (b) axe-core, WCAG 2.1 A and AA. Same effect as page.addScriptTag({content}),
      // but evaluated directly, so V8 reuses its compiled code from the previous page.
      await page.evaluate(this.axeSource);
      lap('axe_inject');
      const violations = await page.evaluate(runAxe, AXE_TAGS);
      lap('axe_run');
      for (const v of violations) {
        report.axe_violations.push({ page: pagePath, ...v, targets: v.nodes.map((n) => n.target) });
      }
      healthy = true;
    } catch (err) {
      this.error('check-failed', String(err.message || err).split('\n')[0].slice(0, 500));
    }
    // (a) privacy and (c) errors, collected by the listeners.
    this.current = null;
    report.external_requests.push(...cur.external.values());
    report.page_errors.push(...cur.errors);
    if (!healthy) await this.close();
    result.ms = Math.round(performance.now() - started);
    return result;
  }
}

/** Runs in the page: axe-core with the given tags, violations only. */
async function runAxe(tags) {
  // eslint-disable-next-line no-undef
  const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  return r.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    help_url: v.helpUrl,
    tags: v.tags.filter((t) => /^wcag/.test(t)),
    nodes: v.nodes.map((n) => ({
      target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' '),
      html: n.html.slice(0, 300),
      summary: (n.failureSummary || '').slice(0, 500),
    })),
  }));
}

// --- main ----------------------------------------------------------------

function summarize(report, opts) {
  const { pages, axe_violations: axeV } = report;
  const ms = report.checked_pages.map((p) => p.ms);
  const avg = ms.length ? ms.reduce((a, b) => a + b, 0) / ms.length : 0;
  console.log(
    `Checked ${plural(pages, 'page')} in ${(report.elapsed_ms / 1000).toFixed(1)} s ` +
      `(${opts.concurrency} at a time; per page: mean ${Math.round(avg)} ms, max ${Math.max(0, ...ms)} ms; ` +
      `wall clock ${pages ? Math.round(report.elapsed_ms / pages) : 0} ms/page)`,
  );
  const show = (items, fmt) => {
    if (opts.quiet) return;
    for (const it of items.slice(0, MAX_LISTED)) console.log('    ' + fmt(it));
    if (items.length > MAX_LISTED) console.log(`    ... and ${items.length - MAX_LISTED} more (see the report)`);
  };

  // axe: grouped per rule.
  const byRule = new Map();
  for (const v of axeV) {
    const g = byRule.get(v.id) || { id: v.id, impact: v.impact, help: v.help, pages: new Set(), nodes: 0, example: null };
    g.pages.add(v.page);
    g.nodes += v.targets.length;
    g.example ||= `${v.page} ${v.targets[0] || ''}`;
    byRule.set(v.id, g);
  }
  const axePages = new Set(axeV.map((v) => v.page)).size;
  console.log(
    `${axeV.length ? 'FAIL' : 'ok  '} axe (WCAG 2.1 A/AA) on ${plural(pages, 'page')}: ` +
      plural(axeV.length, 'violation') +
      (axeV.length ? ` (${plural(byRule.size, 'rule')}, on ${plural(axePages, 'page')})` : ''),
  );
  show([...byRule.values()], (g) => `${g.id} [${g.impact}] ${g.help}: ${plural(g.pages.size, 'page')}, ${plural(g.nodes, 'element')}; e.g. ${g.example}`);

  const ext = report.external_requests;
  const hosts = [...new Set(ext.map((e) => e.host))];
  console.log(
    `${ext.length ? 'FAIL' : 'ok  '} privacy: ${plural(ext.length, 'external request')}` +
      (hosts.length ? ` to ${hosts.join(', ')}` : ''),
  );
  const extGroups = new Map();
  for (const e of ext) {
    const g = extGroups.get(e.url) || { url: e.url, type: e.resource_type, pages: [] };
    g.pages.push(e.page);
    extGroups.set(e.url, g);
  }
  show([...extGroups.values()].sort((a, b) => b.pages.length - a.pages.length), (g) =>
    `${g.url} (${g.type}) from ${g.pages.length === 1 ? g.pages[0] : `${g.pages.length} pages, e.g. ${g.pages[0]}`}`,
  );

  const errs = report.page_errors;
  console.log(`${errs.length ? 'FAIL' : 'ok  '} page errors: ${plural(errs.length, 'error')}`);
  // Grouped, since a template problem repeats on every page: URL paths are
  // reduced to their last segment ("HTTP 404 for .../sitemap.xml").
  const errGroups = new Map();
  for (const e of errs) {
    const key = `[${e.type}] ${e.message.replace(/(^|\s)\/(?:[^\s/]*\/)+(?=[^\s/]*)/g, '$1.../')}`;
    const g = errGroups.get(key) || { key, pages: new Set(), n: 0, example: `${e.page}: ${e.message}` };
    g.n++;
    g.pages.add(e.page);
    errGroups.set(key, g);
  }
  show([...errGroups.values()].sort((a, b) => b.n - a.n), (g) =>
    g.n === 1 ? `${g.example} [${g.key.slice(1, g.key.indexOf(']'))}]` : `${g.n}x on ${plural(g.pages.size, 'page')}: ${g.key}; e.g. ${g.example}`,
  );

  const kb = report.keyboard_problems;
  console.log(`${kb.length ? 'FAIL' : 'ok  '} keyboard (lang, skip link, focus): ${plural(kb.length, 'problem')}`);
  show(kb, (k) => `${k.page} [${k.check}] ${k.message}`);

  const hd = report.heading_problems;
  console.log(`${hd.length ? 'FAIL' : 'ok  '} headings: ${plural(hd.length, 'problem')}`);
  show(hd, (h) => `${h.page} [${h.check}] ${h.message}`);
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2), {
      site: 'string',
      report: 'string',
      limit: 'number',
      concurrency: 'number',
      'base-path': 'string',
      'timeout-ms': 'number',
      quiet: 'boolean',
    });
    if (args.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (!args.site || !args.report) throw new UsageError('--site and --report are required');
    if (!existsSync(args.site) || !statSync(args.site).isDirectory()) {
      throw new UsageError(`--site ${args.site}: no such folder (build the site first)`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`quality.mjs: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
  const opts = {
    concurrency: Math.max(1, args.concurrency || 2),
    timeoutMs: args['timeout-ms'] || 15000,
    quiet: !!args.quiet,
  };
  const started = performance.now();
  let files = await findHtmlFiles(args.site);
  if (args.limit) files = files.slice(0, args.limit);
  if (!files.length) {
    console.error(`quality.mjs: no .html files under ${args.site}`);
    return 2;
  }
  const axeSource = await readFile(AXE_PATH, 'utf8');
  const axeVersion = JSON.parse(await readFile(path.join(path.dirname(AXE_PATH), 'package.json'), 'utf8')).version;

  const report = {
    site: path.resolve(args.site),
    pages: files.length,
    axe_version: axeVersion,
    axe_tags: AXE_TAGS,
    elapsed_ms: 0,
    axe_violations: [],
    external_requests: [],
    page_errors: [],
    keyboard_problems: [],
    heading_problems: [],
    checked_pages: [],
  };

  const server = await startServer(args.site, { basePath: args['base-path'] || '/' });
  const browser = await launchBrowser();
  try {
    const queue = [...files];
    const results = new Map();
    const run = async () => {
      const worker = new Worker(browser, server, axeSource, opts, report);
      try {
        while (queue.length) {
          const rel = queue.shift();
          results.set(rel, await worker.check(rel));
        }
      } finally {
        await worker.close();
      }
    };
    await Promise.all(Array.from({ length: Math.min(opts.concurrency, files.length) }, run));
    report.checked_pages = files.map((f) => results.get(f));
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
  report.elapsed_ms = Math.round(performance.now() - started);

  // Stable order, independent of which worker finished first.
  const byPage = (a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : 0);
  for (const k of ['axe_violations', 'external_requests', 'page_errors', 'keyboard_problems', 'heading_problems']) {
    report[k].sort(byPage);
  }
  await writeJson(args.report, report);
  summarize(report, opts);
  console.log(`report: ${args.report}`);
  const failed = ['axe_violations', 'external_requests', 'page_errors', 'keyboard_problems', 'heading_problems'].some(
    (k) => report[k].length,
  );
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`quality.mjs: ${err.stack || err}`);
    process.exitCode = 2;
  },
);
