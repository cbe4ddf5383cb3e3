// A tiny static file server for a built site folder (no dependencies).
//
//   import { startServer } from './serve.mjs';
//   const { url, close } = await startServer('site');   // url = 'http://127.0.0.1:PORT'
//
// Listens on 127.0.0.1 with a random port. Directory URLs serve their
// index.html (a directory URL without a trailing slash is redirected to one,
// as real static hosts do); unknown paths get <root>/404.html with status 404.
// Option basePath ('/samen/') serves the site under that prefix, for sites whose
// site_url has a path (MkDocs' 404.html links to assets by absolute path).
//
// Also runnable by hand: node tests/browser/serve.mjs site [port] [basePath]

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.gz': 'application/gzip',
};

export function mimeType(file) {
  return MIME_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

async function fileStat(p) {
  try {
    return await stat(p);
  } catch {
    return null;
  }
}

/**
 * Serve `root` over HTTP on 127.0.0.1 (random port).
 * @param {string} root folder of the built site
 * @param {{port?: number, basePath?: string}} [options]
 * @returns {Promise<{url: string, port: number, close: () => Promise<void>}>}
 *   url has no trailing slash and includes basePath (without its trailing slash)
 */
export async function startServer(root, { port = 0, basePath = '/' } = {}) {
  const rootDir = path.resolve(root);
  const prefix = ('/' + basePath.replace(/^\/+|\/+$/g, '') + '/').replace(/^\/\/$/, '/');
  const rootStat = await fileStat(rootDir);
  if (!rootStat || !rootStat.isDirectory()) {
    throw new Error(`startServer: not a folder: ${rootDir}`);
  }

  async function send(res, status, file, method, req) {
    const st = await stat(file);
    const etag = `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
    // 'no-cache' + ETag: the browser revalidates every time (a rebuilt site is
    // never served stale) but keeps its cache, and with it V8's compiled code
    // for the site's scripts, which makes page after page much faster.
    const headers = {
      'Content-Type': mimeType(file),
      'Cache-Control': 'no-cache',
      ETag: etag,
      'Last-Modified': st.mtime.toUTCString(),
    };
    if (status === 200 && req && req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const body = await readFile(file);
    res.writeHead(status, { ...headers, 'Content-Length': body.length });
    res.end(method === 'HEAD' ? undefined : body);
  }

  async function notFound(res, method) {
    const page = path.join(rootDir, '404.html');
    if (await fileStat(page)) {
      await send(res, 404, page, method);
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(method === 'HEAD' ? undefined : 'Not found\n');
    }
  }

  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' });
        res.end();
        return;
      }
      const { pathname } = new URL(req.url, 'http://localhost');
      if (pathname + '/' === prefix) {
        res.writeHead(301, { Location: prefix });
        res.end();
        return;
      }
      if (!pathname.startsWith(prefix)) {
        await notFound(res, req.method);
        return;
      }
      let decoded;
      try {
        decoded = decodeURIComponent(pathname.slice(prefix.length - 1));
      } catch {
        res.writeHead(400);
        res.end();
        return;
      }
      if (decoded.includes('\0')) {
        res.writeHead(400);
        res.end();
        return;
      }
      const file = path.join(rootDir, path.normalize(decoded));
      if (file !== rootDir && !file.startsWith(rootDir + path.sep)) {
        await notFound(res, req.method);
        return;
      }
      const st = await fileStat(file);
      if (st && st.isDirectory()) {
        if (!pathname.endsWith('/')) {
          const { search } = new URL(req.url, 'http://localhost');
          res.writeHead(301, { Location: pathname + '/' + search });
          res.end();
          return;
        }
        const index = path.join(file, 'index.html');
        if (await fileStat(index)) {
          await send(res, 200, index, req.method, req);
        } else {
          await notFound(res, req.method);
        }
        return;
      }
      if (st && st.isFile()) {
        await send(res, 200, file, req.method, req);
        return;
      }
      await notFound(res, req.method);
    } catch (err) {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      }
      res.end(`Internal error: ${err.message}\n`);
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  server.keepAliveTimeout = 1000;
  const actualPort = server.address().port;
  return {
    url: `http://127.0.0.1:${actualPort}${prefix.slice(0, -1)}`,
    port: actualPort,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] || 'site';
  const port = Number(process.argv[3] || 8000);
  const basePath = process.argv[4] || '/';
  const { url } = await startServer(root, { port, basePath });
  console.log(`Serving ${path.resolve(root)} at ${url}/ (Ctrl+C to stop)`);
}
