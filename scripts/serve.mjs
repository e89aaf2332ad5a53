#!/usr/bin/env node
// A tiny static server for the built site, target/site/ (scripts/build-site.mjs: www/ with its
// JavaScript and CSS minified), or any other folder (Node 20, no dependencies), for local use and
// the browser tests.
//
//   node scripts/serve.mjs [port]        # or PORT=8080; port 0 picks a free one
//
// It listens on 127.0.0.1 only, serves GET and HEAD, sends the Content-Security-Policy the page is
// written for on every response (worker scripts included), allows other origins to load the
// files (CORS), and never serves anything outside the root folder.
// Tests import `startServer` instead of spawning a process.

import { createServer } from 'node:http';
import { createReadStream, existsSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_ROOT = fileURLToPath(new URL('../target/site/', import.meta.url));

/** The policy every response carries: the page needs only its own files and wasm compilation. */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

function baseHeaders(extra = {}) {
  return {
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
    // Public static files: pages on other origins may load <quote-lens> (its modules and wasm)
    // from here, which module scripts and fetch() allow only with this header.
    'Access-Control-Allow-Origin': '*',
    ...extra,
  };
}

function sendText(res, status, text, method) {
  res.writeHead(status, baseHeaders({ 'Content-Type': 'text/plain; charset=utf-8' }));
  res.end(method === 'HEAD' ? undefined : `${text}\n`);
}

/**
 * Map a request path to a file under `root`, or null when it must not be served.
 * Decoding happens once; any `..` segment, NUL, or backslash is refused outright, and the
 * resolved real path (symlinks followed) must still lie inside the root.
 */
async function resolveFile(root, rawPath) {
  let path;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const segments = path.split('/');
  if (segments.some((s) => s === '..')) return null;
  let file = resolve(root, '.' + path);
  if (file !== root && !file.startsWith(root + sep)) return null;
  let info;
  try {
    info = await stat(file);
    if (info.isDirectory()) {
      file = join(file, 'index.html');
      info = await stat(file);
    }
  } catch {
    return null;
  }
  if (!info.isFile()) return null;
  const real = await realpath(file);
  if (!real.startsWith(root + sep)) return null;
  return { file: real, size: info.size };
}

/**
 * Start serving `root` on `host:port`. Resolves to `{ server, url, port, close() }` once listening.
 * @param {{root?: string, port?: number, host?: string}} [options]
 */
export async function startServer({ root = DEFAULT_ROOT, port = 8080, host = '127.0.0.1' } = {}) {
  const realRoot = await realpath(resolve(root));
  const server = createServer(async (req, res) => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendText(res, 405, 'method not allowed', method);
      return;
    }
    let pathname;
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      sendText(res, 400, 'bad request', method);
      return;
    }
    // Reject traversal in the raw target too: URL() would quietly fold `/a/../..` away.
    if (/(^|\/)(\.\.|%2e%2e)(\/|$)/i.test(req.url ?? '')) {
      sendText(res, 403, 'forbidden', method);
      return;
    }
    const found = await resolveFile(realRoot, pathname).catch(() => null);
    if (!found) {
      sendText(res, 404, 'not found', method);
      return;
    }
    const type = MIME[extname(found.file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, baseHeaders({ 'Content-Type': type, 'Content-Length': found.size }));
    if (method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(found.file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      ok();
    });
  });
  const actual = server.address().port;
  const url = `http://${host}:${actual}/`;
  return {
    server,
    url,
    port: actual,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections?.();
      }),
  };
}

function parsePort(value) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new Error(`serve: bad port ${JSON.stringify(value)} (0-65535; 0 picks a free port)`);
  }
  return n;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    const port = parsePort(process.argv[2] ?? process.env.PORT ?? 8080);
    if (!existsSync(DEFAULT_ROOT)) throw new Error('serve: target/site/ is missing: run scripts/build-wasm and node scripts/build-site.mjs (scripts/start does all)');
    const { url, close } = await startServer({ port });
    console.log(`quotelens: serving ${DEFAULT_ROOT} at ${url}`);
    const stop = () => close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (err) {
    console.error(err.code === 'EADDRINUSE' ? `serve: port ${err.port} is in use (try 0 for a free one)` : err.message);
    process.exit(2);
  }
}
