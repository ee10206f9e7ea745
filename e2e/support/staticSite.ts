import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { CONTENT_TYPES } from '../../scripts/shared/contentTypes';
import { parseHeadersFile } from '../../scripts/shared/securityHeaders';


/**
 * The production build (`dist/`, built by Playwright's web server) served on a loopback port of
 * its own, with one switch: `deployNextVersion()` makes `/sw.js` differ by one comment line, as a
 * new deployment would, so the service worker's update flow can be exercised end to end.
 * Like a static host, it sends the headers of the build's `_headers` file with every response;
 * `{ headersFile: false }` serves without them, as a host that ignores the file would.
 */
export async function serveBuiltSite(root = 'dist', { headersFile = true, listenPort = 0 } = {}) {
  const headers = headersFile ? parseHeadersFile(readFileSync(join(root, '_headers'), 'utf8')) : {};
  let nextVersion = false;
  let servedNext = false;
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    let file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(normalize(root))) return void response.writeHead(403).end();
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
    } catch {
      file = join(root, 'index.html');
    }
    let body: Buffer | string = readFileSync(file);
    if (path === '/sw.js' && nextVersion) {
      body = `${body.toString('utf8')}\n// next deployment\n`;
      servedNext = true;
    }
    response.writeHead(200, { ...headers, 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(listenPort, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    deployNextVersion: () => {
      nextVersion = true;
    },
    servedNextVersion: () => servedNext,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
