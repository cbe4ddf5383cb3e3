#!/usr/bin/env node
// HTML validity gate: runs the Nu Html Checker (vnu.jar from the vnu-jar npm
// package) on every .html file of the built site, in one JVM.
//
//   node tests/browser/html-validity.mjs --site site --report build-reports/html-validity.json
//
// Exit code: 0 no errors, 1 errors found, 2 usage error or the checker failed.
// See tests/browser/README.md.

import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError, findHtmlFiles, parseArgs, plural, writeJson } from './util.mjs';

const USAGE = `Usage: node tests/browser/html-validity.mjs --site <dir> --report <file.json> [options]

  --site DIR              built site folder (e.g. site)
  --report FILE           where to write the JSON report
  --filter-pattern REGEX  drop messages matching this Java regex (passed to
                          vnu as --filterpattern); use sparingly, say why
  --quiet                 print only the summary, not every error

Uses \`java\` from PATH, or $JAVA_HOME/bin/java, or $JAVA.
`;

const MAX_LISTED = 40;

const require = createRequire(import.meta.url);
// vnu-jar's main export is the absolute path of vnu.jar.
const VNU_JAR = String(require('vnu-jar'));

function javaCommand() {
  if (process.env.JAVA) return process.env.JAVA;
  if (process.env.JAVA_HOME) {
    const j = path.join(process.env.JAVA_HOME, 'bin', 'java');
    if (existsSync(j)) return j;
  }
  return 'java';
}

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (err) =>
      reject(
        err.code === 'ENOENT'
          ? new Error(`${cmd} not found: install a Java runtime (scripts/install-system-deps.sh) or set JAVA_HOME`)
          : err,
      ),
    );
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2), {
      site: 'string',
      report: 'string',
      'filter-pattern': 'string',
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
      console.error(`html-validity.mjs: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }

  const started = performance.now();
  const siteDir = path.resolve(args.site);
  const files = await findHtmlFiles(siteDir);
  if (!files.length) {
    console.error(`html-validity.mjs: no .html files under ${args.site}`);
    return 2;
  }
  const vnuArgs = [
    // Short-lived JVM: skip the optimising JIT tiers and use the simple GC.
    '-XX:TieredStopAtLevel=1',
    '-XX:+UseSerialGC',
    '-Xss2m',
    '-jar',
    VNU_JAR,
    '--format',
    'json',
    '--errors-only',
    '--skip-non-html',
    '--exit-zero-always',
  ];
  if (args['filter-pattern']) vnuArgs.push('--filterpattern', args['filter-pattern']);
  vnuArgs.push(...files.map((f) => path.join(siteDir, f)));

  const { code, stdout, stderr } = await run(javaCommand(), vnuArgs);
  // vnu writes its JSON to stderr.
  const raw = [stderr, stdout].find((s) => s.trim().startsWith('{'));
  let parsed;
  try {
    parsed = JSON.parse(raw);
  } catch {
    console.error(`html-validity.mjs: the checker failed (exit ${code}):\n${(stderr + stdout).slice(0, 4000)}`);
    return 2;
  }

  const toRel = (u) => {
    try {
      return path.relative(siteDir, fileURLToPath(u)).split(path.sep).join('/');
    } catch {
      return u || '(unknown)';
    }
  };
  const errors = [];
  const checkerProblems = [];
  for (const m of parsed.messages || []) {
    if (m.type === 'error') {
      errors.push({
        file: toRel(m.url),
        line: m.lastLine ?? m.firstLine ?? null,
        column: m.firstColumn ?? m.lastColumn ?? null,
        message: m.message,
        extract: m.extract ?? null,
      });
    } else if (m.type === 'non-document-error') {
      checkerProblems.push({ file: m.url ? toRel(m.url) : null, message: m.message, subType: m.subType ?? null });
    }
  }
  errors.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
  const byFile = {};
  for (const e of errors) {
    const { file, ...rest } = e;
    (byFile[file] ||= []).push(rest);
  }

  const report = {
    site: siteDir,
    checker: `vnu.jar from vnu-jar ${require('vnu-jar/package.json').version}`,
    files: files.length,
    files_with_errors: Object.keys(byFile).length,
    error_count: errors.length,
    elapsed_ms: Math.round(performance.now() - started),
    errors_by_file: byFile,
    checker_problems: checkerProblems,
  };
  await writeJson(args.report, report);

  const ok = !errors.length && !checkerProblems.length;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} HTML validity (Nu Html Checker): ${plural(errors.length, 'error')} in ` +
      `${plural(report.files_with_errors, 'file')} of ${files.length} checked, ${(report.elapsed_ms / 1000).toFixed(1)} s`,
  );
  if (!args.quiet) {
    // Grouped by message, most frequent first: on a generated site one template
    // bug repeats on every page. Every error is in the report, per file.
    const groups = new Map();
    for (const e of errors) {
      const g = groups.get(e.message) || { n: 0, files: new Set(), example: `${e.file}:${e.line ?? '?'}:${e.column ?? '?'}` };
      g.n++;
      g.files.add(e.file);
      groups.set(e.message, g);
    }
    const top = [...groups.entries()].sort((a, b) => b[1].n - a[1].n);
    for (const [msg, g] of top.slice(0, MAX_LISTED)) {
      console.log(`    ${g.n}x in ${plural(g.files.size, 'file')} (e.g. ${g.example}): ${msg}`);
    }
    if (top.length > MAX_LISTED) console.log(`    ... ${top.length - MAX_LISTED} more distinct messages (see the report)`);
    for (const p of checkerProblems) console.log(`    checker problem: ${p.file ?? ''} ${p.message}`);
  }
  console.log(`report: ${args.report}`);
  return ok ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`html-validity.mjs: ${err.stack || err}`);
    process.exitCode = 2;
  },
);
