// Small helpers shared by the browser quality CLIs.

import { readdir, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Parse `--name value` / `--name=value` / `--flag` arguments.
 * @param {string[]} argv
 * @param {{[name: string]: 'string' | 'number' | 'boolean'}} spec
 */
export function parseArgs(argv, spec) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      out.help = true;
      continue;
    }
    const m = /^--([a-z0-9-]+)(?:=(.*))?$/.exec(arg);
    if (!m || !(m[1] in spec)) {
      throw new UsageError(`unknown argument: ${arg}`);
    }
    const name = m[1];
    const type = spec[name];
    if (type === 'boolean') {
      out[name] = m[2] === undefined ? true : !/^(0|false|no)$/i.test(m[2]);
      continue;
    }
    let value = m[2];
    if (value === undefined) {
      if (i + 1 >= argv.length) throw new UsageError(`--${name} needs a value`);
      value = argv[++i];
    }
    if (type === 'number') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} needs a whole number, got ${value}`);
      out[name] = n;
    } else {
      out[name] = value;
    }
  }
  return out;
}

export class UsageError extends Error {}

/**
 * All .html files under `root`, as sorted POSIX paths relative to `root`.
 * @param {string} root
 */
export async function findHtmlFiles(root) {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = [];
  for (const e of entries) {
    if (!e.isFile() || !e.name.endsWith('.html')) continue;
    const dir = e.parentPath ?? e.path;
    files.push(path.relative(root, path.join(dir, e.name)).split(path.sep).join('/'));
  }
  return files.sort();
}

/** URL path (starting with '/') under which a static host serves `rel`. */
export function urlPathFor(rel) {
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return '/' + rel.slice(0, -'index.html'.length);
  return '/' + rel;
}

/** Expected <html lang> for a page: 'en' under en/, 'nl' elsewhere. */
export function expectedLang(rel) {
  return rel === 'en' || rel.startsWith('en/') ? 'en' : 'nl';
}

export async function writeJson(file, data) {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, JSON.stringify(data, null, 2) + '\n');
}

export function plural(n, word, many = word + 's') {
  return `${n} ${n === 1 ? word : many}`;
}

/* The interaction checks' verdicts: each printed as it comes ("ok  " or "FAIL"), failures
   kept for the script's closing line. */
export function checker() {
  const failures = [];
  const check = (condition, message) => {
    if (!condition) failures.push(message);
    console.log(`${condition ? 'ok  ' : 'FAIL'} ${message}`);
  };
  return { failures, check };
}
