// Self-test of the browser quality CLIs on the fixtures in tests/browser/fixtures/:
// "good" must pass every check, "bad" must fail each one for the planted reasons.
//
//   node --test tests/browser/
//
// Needs Chromium and Java (scripts/install-system-deps.sh).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name) => path.join(here, 'fixtures', name);

async function runCli(script, site) {
  const dir = await mkdtemp(path.join(tmpdir(), 'browser-cli-'));
  const report = path.join(dir, 'report.json');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(here, script), '--site', site, '--report', report],
      { timeout: 120_000 },
      async (err, stdout, stderr) => {
        let json = null;
        try {
          json = JSON.parse(await readFile(report, 'utf8'));
        } catch {
          /* no report */
        }
        await rm(dir, { recursive: true, force: true });
        resolve({ code: err ? err.code : 0, stdout, stderr, json });
      },
    );
  });
}

test('serve.mjs: index.html, MIME types, redirect, 404 page', async () => {
  const { url, close } = await startServer(fixture('good'));
  try {
    let r = await fetch(url + '/');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^text\/html/);
    assert.match(await r.text(), /Welkom bij SAMEN/);
    r = await fetch(url + '/en/');
    assert.match(await r.text(), /Welcome to SAMEN/);
    r = await fetch(url + '/assets/style.css');
    assert.match(r.headers.get('content-type'), /^text\/css/);
    r = await fetch(url + '/assets/site.js');
    assert.match(r.headers.get('content-type'), /^text\/javascript/);
    r = await fetch(url + '/over', { redirect: 'manual' });
    assert.equal(r.status, 301);
    assert.equal(r.headers.get('location'), '/over/');
    r = await fetch(url + '/bestaat-niet/');
    assert.equal(r.status, 404);
    assert.match(await r.text(), /Pagina niet gevonden/);
    r = await fetch(url + '/../../etc/passwd');
    assert.equal(r.status, 404);
  } finally {
    await close();
  }
});

test('quality.mjs passes the good fixture', async () => {
  const r = await runCli('quality.mjs', fixture('good'));
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.json.pages, 4);
  for (const k of ['axe_violations', 'external_requests', 'page_errors', 'keyboard_problems', 'heading_problems']) {
    assert.deepEqual(r.json[k], [], k);
  }
});

test('quality.mjs fails the bad fixture for each planted problem', async () => {
  const r = await runCli('quality.mjs', fixture('bad'));
  assert.equal(r.code, 1, r.stdout + r.stderr);
  const j = r.json;
  const ids = j.axe_violations.map((v) => `${v.page} ${v.id}`);
  assert.ok(ids.includes('/ image-alt'), ids.join());
  assert.ok(ids.includes('/ color-contrast'), ids.join());
  assert.deepEqual(j.external_requests.map((e) => e.host).sort(), ['fonts.googleapis.com', 'images.example.com']);
  const errs = j.page_errors.map((e) => `${e.page} ${e.type} ${e.message}`);
  assert.ok(errs.some((e) => e.startsWith('/ pageerror') && e.includes('undefinedFunction')), errs.join('\n'));
  assert.ok(errs.includes('/ console.error opzettelijke fout'), errs.join('\n'));
  assert.ok(errs.includes('/en/ http HTTP 404 for /missing.png'), errs.join('\n'));
  assert.equal(errs.length, 3, errs.join('\n'));
  const kb = j.keyboard_problems.map((k) => `${k.page} ${k.check}`).sort();
  assert.deepEqual(kb, ['/ focus-indicator', '/ skip-link', '/en/ html-lang', '/en/ skip-link']);
  const hd = j.heading_problems.map((h) => `${h.page} ${h.check}`).sort();
  assert.deepEqual(hd, ['/ level-skip', '/ one-h1', '/en/ first-heading', '/en/ one-h1']);
});

test('html-validity.mjs passes the good fixture', async () => {
  const r = await runCli('html-validity.mjs', fixture('good'));
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.json.files, 4);
  assert.equal(r.json.error_count, 0);
});

test('html-validity.mjs fails the bad fixture', async () => {
  const r = await runCli('html-validity.mjs', fixture('bad'));
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.deepEqual(Object.keys(r.json.errors_by_file), ['index.html']);
  const msgs = r.json.errors_by_file['index.html'].map((e) => e.message).join('\n');
  assert.match(msgs, /Duplicate ID “dubbel”/);
  assert.match(msgs, /Unclosed element “b”/);
});
