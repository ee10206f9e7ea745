import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CONTENT_TYPES } from '../shared/contentTypes';
import { ISOLATION_HEADERS } from './buildIwa';

/**
 * Installing the built Isolated Web App in Chromium's IWA developer mode, the way the install test
 * (e2e/installed-app.spec.ts) and `npm run iwa:open` do: the built files served on loopback as a
 * "dev proxy" app, installed with the DevTools protocol's `PWA.install` and opened with
 * `PWA.launch` (both answer only over --remote-debugging-pipe, which is how Playwright drives
 * Chromium). The signed .swbn is not installed this way: Chromium 156 fetches it and then never
 * finishes (README, "The installed app").
 */

/** Debian's Chromium unless CHROMIUM_PATH names another. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium features that turn on IWAs and their developer mode (off by default outside ChromeOS). */
export const IWA_FEATURES = ['IsolatedWebApps', 'IsolatedWebAppDevMode'];

/** Bounded waits: a busy machine gets time, a hang gets a clear failure. */
const LAUNCH_TIMEOUT_MS = 30_000;

/** RFC 4648 §6 base32, lower case, no padding: how a Web Bundle ID is spelled. */
function base32(bytes: Uint8Array): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

/**
 * A Web Bundle ID for a developer-mode proxy install: 32 random bytes and the type suffix
 * 00 00 02, "a user-agent-specific value for testing and development" (WICG isolated-web-apps,
 * Scheme.md, "Signed Web Bundle IDs").
 */
export function devProxyBundleId(): string {
  return base32(Uint8Array.of(...randomBytes(32), 0x00, 0x00, 0x02));
}

/** A built site served on a loopback port as Chromium's IWA dev proxy expects: every file with the isolation headers. */
export interface ServedSite {
  readonly origin: string;
  /** Every path asked for, in order. */
  readonly requested: string[];
  /** Paths asked for that are not in the build (answered 404). */
  readonly missing: string[];
  close(): Promise<void>;
}

function isFileUnder(root: string, file: string): boolean {
  try {
    return file.startsWith(normalize(root) + sep) && statSync(file).isFile();
  } catch {
    return false;
  }
}

export async function serveIsolatedSite(root: string, port: number): Promise<ServedSite> {
  const requested: string[] = [];
  const missing: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    requested.push(path);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!isFileUnder(root, file)) {
      missing.push(path);
      return void response.writeHead(404).end();
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', ...ISOLATION_HEADERS, 'cache-control': 'no-store' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    requested,
    missing,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Chromium with IWA developer mode on a throw-away profile (installs need a real, non-incognito
 * one). `args` adds the caller's switches (the tests' headless set), `features` more Chromium
 * features (one --enable-features switch holds them all: Chromium reads only the last one).
 */
export async function launchIwaChromium({ headless = true, args = [] as readonly string[], features = [] as readonly string[] } = {}): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'mynalens-iwa-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: [...args, `--enable-features=${[...IWA_FEATURES, ...features].join(',')}`],
    headless,
    timeout: LAUNCH_TIMEOUT_MS,
  });
  return {
    context,
    async close() {
      // Playwright ends the Chromium it started when the context closes; a browser that does not
      // within the bound, and any process of it left behind, is ended by its process id.
      await Promise.race([context.close(), new Promise((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS).unref())]);
      for (const pid of processesOfProfile(profile)) killQuietly(pid);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** How long a closing browser may take before its processes are killed. */
const CLOSE_TIMEOUT_MS = 10_000;

/** The ids of the processes started with this profile (Linux /proc; none found elsewhere). */
function processesOfProfile(profile: string): number[] {
  if (!existsSync('/proc')) return [];
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`--user-data-dir=${profile}`);
      } catch {
        return false; // the process ended while we looked
      }
    })
    .map(Number);
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/**
 * Installs the site as an IWA and opens it: resolves with the app's page (a tab in an app window,
 * `isolated-app://<id>/`) once it has loaded.
 */
export async function installAndLaunch(context: BrowserContext, site: ServedSite): Promise<{ page: Page; origin: string }> {
  const bundleId = devProxyBundleId();
  const manifestId = `isolated-app://${bundleId}/`;
  const anyPage = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(anyPage);
  try {
    await cdp.send('PWA.install', { manifestId, installUrlOrBundleUrl: `${site.origin}/` });
    const opened = context.waitForEvent('page', { timeout: LAUNCH_TIMEOUT_MS });
    await cdp.send('PWA.launch', { manifestId });
    const page = await opened;
    await page.waitForURL((url) => url.href.startsWith(manifestId), { timeout: LAUNCH_TIMEOUT_MS });
    return { page, origin: `isolated-app://${bundleId}` };
  } finally {
    await cdp.detach();
  }
}
