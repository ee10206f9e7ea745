/**
 * `npm run bench` (second half): builds the app and prints what a first visit downloads and
 * what the service worker precaches, and checks that the initial chunk carries neither the
 * OpenJPEG WebAssembly nor the simulator's card images (both load only when used).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = 'dist';
execFileSync('npx', ['--no-install', 'vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initialScripts = [...html.matchAll(/<script[^>]+src="\/([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+)"/g)].map((m) => m[1]!);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

let initialRaw = 0;
let initialGzip = 0;
for (const file of initialScripts) {
  const bytes = readFileSync(join(dist, file));
  initialRaw += bytes.length;
  initialGzip += gzipSync(bytes, { level: 9 }).length;
  const text = bytes.toString('utf8');
  if (/\.wasm/.test(text) && /openjpeg/i.test(text)) throw new Error(`${file} references the OpenJPEG WebAssembly`);
  if (text.includes('JPKIAPICCTOKEN2') || /見本/.test(text)) throw new Error(`${file} carries simulator card data`);
}

// Workbox's precache manifest lists every URL with its revision; sum their sizes on disk.
const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
const precached = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!);
const precacheBytes = precached.reduce((sum, url) => sum + statSync(join(dist, url)).size, 0);
const wasm = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.wasm'));

console.log(`initial JavaScript: ${initialScripts.join(', ')} — ${kib(initialRaw)} raw, ${kib(initialGzip)} gzip`);
console.log(`precache: ${precached.length} files, ${kib(precacheBytes)} (includes ${wasm.join(', ')}, the worker and the simulator chunks)`);
console.log('initial chunk carries no OpenJPEG WebAssembly and no simulator card data: ok');
