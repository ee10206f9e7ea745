/**
 * `npm run bench` (second half): builds the app and prints what a first visit downloads and runs
 * before any click — the page's scripts and the engine worker's chunk with what it imports
 * statically, against the target of issue "speed to the physical limit" §4 — and what the service
 * worker precaches; checks that no start-up chunk carries the OpenJPEG WebAssembly, the
 * simulator's card data, pkijs or asn1js, the USB reader drivers, the transcript parser, the
 * services, the reader report, the bridge and Web Smart Card routes or the views the start screen
 * never shows (each loads only when used).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeBenchFigures } from '../src/testing/benchResults';

const dist = 'dist';
execFileSync('npx', ['--no-install', 'vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const pageScripts = [...html.matchAll(/<script[^>]+src="\/([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+)"/g)].map((m) => m[1]!);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
/** What a first visit may download and run before anyone clicks: the page's scripts and the engine worker's. */
const STARTUP_TARGET_GZIP = 150 * 1024;

/** A chunk and every chunk it imports statically (those load with it; `import()` ones load when used). */
function withStaticImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(join(dist, file), 'utf8');
  const dir = file.slice(0, file.lastIndexOf('/') + 1);
  for (const m of text.matchAll(/(?:^|[;}\n])import\s*(?:[\w${}\s,*]*?from\s*)?["']\.\/([^"']+)["']/g)) withStaticImports(dir + m[1]!, seen);
  return seen;
}

// The engine worker the page starts at once (main.tsx): named in the page's chunk, loaded from its own URL.
const pageFiles = new Set<string>();
for (const file of pageScripts) withStaticImports(file, pageFiles);
const workerEntry = [...pageFiles].flatMap((file) => [...readFileSync(join(dist, file), 'utf8').matchAll(/engine\.worker-[\w-]+\.js/g)].map((m) => `assets/${m[0]}`))[0];
if (!workerEntry) throw new Error('the page names no engine worker chunk');
const workerFiles = withStaticImports(workerEntry);

/**
 * Modules that load with `import()` when first used (worker/Engine.ts, ui/lazyViews.ts), by their
 * path in the chunk's source map: a static import that pulls one back into a start-up chunk fails
 * the bench instead of quietly costing every first visit.
 */
const LOADED_WHEN_USED: readonly (readonly [RegExp, string])[] = [
  [/node_modules\/(pkijs|asn1js)\//, 'pkijs or asn1js (loaded with the first certificate)'],
  // A driver's descriptor (`<name>Driver.ts`, usb/readerRegistry.ts) and identities (`<name>Readers.ts`) are start-up code; the driver it loads is not.
  [/src\/usb\/(ccid\/CcidReader|rcs380\/|rcs300\/|port100\/|isodep\/|contactless\/|t1\/|t0\/)(?!\w+(Driver|Readers)\.ts$)/, 'a USB reader driver (loaded when a reader is opened)'],
  [/src\/worker\/readers\.ts$/, 'the engine\'s reader opening and reader check (loaded when a reader is opened)'],
  [/src\/worker\/readerReport\//, 'the reader report (loaded when a reader is opened or the report asked for)'],
  [/src\/(transport\/TranscriptCard|worker\/transcriptFile)\.ts$/, 'the transcript parser (loaded when a transcript is opened or exported)'],
  [/src\/worker\/services\//, 'the services (loaded when one is used)'],
  [/src\/ui\/components\/(CardView|Services\/ServicesView|PinDialog|RowDetail|ExportTranscriptDialog|PrivacyPage)\/|src\/ui\/components\/ApduLog\/ApduLogRows\.tsx$/, 'a view the start screen never shows'],
  // The start screen knows at once whether each route is there (platform/lazyBridgeAccess.ts, lazySmartCardAccess.ts); the route itself loads when used.
  [/src\/platform\/(bridgeAccess|bridgeLink|bridgeProtocol|bridgeSmartCard|smartCard)\.ts$/, 'the bridge or Web Smart Card route (loaded when first used)'],
];

let startupRaw = 0;
let startupGzip = 0;
const rows: string[] = [];
for (const file of [...pageFiles, ...workerFiles]) {
  const bytes = readFileSync(join(dist, file));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  startupRaw += bytes.length;
  startupGzip += gzip;
  rows.push(`  ${file.padEnd(36)} ${kib(bytes.length).padStart(10)} raw ${kib(gzip).padStart(10)} gzip`);
  const text = bytes.toString('utf8');
  // The page never names the WebAssembly; the worker names its URL and fetches it on the first picture, never inlines it.
  if (pageFiles.has(file) && /\.wasm/.test(text) && /openjpeg/i.test(text)) throw new Error(`${file} references the OpenJPEG WebAssembly`);
  if (text.includes('AGFzbQ')) throw new Error(`${file} inlines WebAssembly`);
  // The token label is the engine's to know (the card check), never the page's; 見本 marks the simulator's pictures.
  if ((pageFiles.has(file) && text.includes('JPKIAPICCTOKEN2')) || /見本/.test(text)) throw new Error(`${file} carries simulator card data`);
  // pkijs (its classes' CLASS_NAME strings survive minifying) loads when a certificate is first parsed, never at start-up.
  if (/CLASS_NAME\s*=\s*[`"']SignedAndUnsignedAttributes/.test(text)) throw new Error(`${file} carries pkijs`);
  // The build writes source maps (vite.config.ts); without one this guard could not look, so that fails too.
  const sources: string[] = (JSON.parse(readFileSync(join(dist, `${file}.map`), 'utf8')) as { sources: string[] }).sources;
  for (const source of sources) {
    const rule = LOADED_WHEN_USED.find(([pattern]) => pattern.test(source));
    if (rule) throw new Error(`${file} carries ${rule[1]}: ${source}`);
  }
}

// Workbox's precache manifest lists every URL with its revision; sum their sizes on disk.
const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
const precached = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!);
const precacheBytes = precached.reduce((sum, url) => sum + statSync(join(dist, url)).size, 0);
const wasm = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.wasm'));

console.log('start-up JavaScript (the page and the engine worker it starts):');
console.log(rows.join('\n'));
const verdict = startupGzip <= STARTUP_TARGET_GZIP ? 'met' : 'NOT met';
writeBenchFigures('bundle', [{ id: 'bundle.startup', value: startupGzip / 1024, note: `${kib(startupRaw)} raw` }]);
console.log(`start-up JavaScript: ${kib(startupRaw)} raw, ${kib(startupGzip)} gzip — target ≤ ${kib(STARTUP_TARGET_GZIP)} gzip: ${verdict}`);
console.log(`precache: ${precached.length} files, ${kib(precacheBytes)} (includes ${wasm.join(', ')}, the worker and the simulator chunks)`);
console.log('start-up chunks carry no OpenJPEG WebAssembly, no simulator card data, no pkijs or asn1js, no USB reader driver, transcript parser, services or reader report, no bridge or Web Smart Card route, and no view the start screen never shows: ok');
