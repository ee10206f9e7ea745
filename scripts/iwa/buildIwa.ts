import { execFileSync } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { BundleBuilder } from 'wbn';
import { IntegrityBlockSigner, NodeCryptoSigningStrategy, WebBundleId } from 'wbn-sign';
import { CONTENT_TYPES } from '../shared/contentTypes';
import { WEB_MANIFEST } from '../shared/webManifest';

/**
 * `npm run build:iwa`: the same app as an Isolated Web App — a signed Web Bundle whose manifest
 * grants `usb-unrestricted`, so every smart-card-class (0x0B) reader can be claimed
 * (docs/browser-platform.md §1.3). Steps: `vite build --mode iwa` into dist-iwa/, add the IWA manifest
 * at /.well-known/manifest.webmanifest, pack every file into a Web Bundle (wbn, format b2) with
 * the isolation headers, and sign it with an Ed25519 key (wbn-sign, integrity block v2).
 */

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');

/**
 * Permissions the installed app asks for (Isolated Web Apps explainer, "permissions_policy"):
 * `usb-unrestricted` and `usb` for CCID readers over WebUSB, `smart-card` for the Web Smart Card
 * API (its permissions-policy feature; without it `navigator.smartCard` refuses an IWA). No
 * `cross-origin-isolated`: nothing in MynaLens uses SharedArrayBuffer or precise timers.
 */
export const IWA_PERMISSIONS_POLICY = {
  'usb-unrestricted': ['self'],
  usb: ['self'],
  'smart-card': ['self'],
} as const;

/** Headers every response in the bundle carries: IWAs are cross-origin isolated. */
export const ISOLATION_HEADERS = {
  'cross-origin-embedder-policy': 'require-corp',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};


export interface IwaBuildOptions {
  /** Ed25519 private key (PEM). Default: IWA_SIGNING_KEY, else a developer key kept in .iwa/. */
  readonly keyPath?: string;
  /** Where the signed bundle goes. Default dist-iwa-bundle/mynalens.swbn. */
  readonly bundlePath?: string;
  /** Skip `vite build` (tests that already built). */
  readonly skipViteBuild?: boolean;
}

export interface IwaBuildResult {
  readonly bundlePath: string;
  /** The Web Bundle ID: the app's origin is isolated-app://<id>/. */
  readonly webBundleId: string;
  readonly files: number;
  readonly bytes: number;
  readonly developerKey: boolean;
}

/** The signing key: given, or a developer key generated once and kept out of git (.iwa/ is ignored). */
function signingKey(keyPath: string | undefined): { key: KeyObject; developerKey: boolean } {
  const path = keyPath ?? process.env.IWA_SIGNING_KEY;
  if (path) return { key: createPrivateKey(readFileSync(path)), developerKey: false };
  const devPath = join(ROOT, '.iwa', 'dev-signing-key.pem');
  if (!existsSync(devPath)) {
    mkdirSync(dirname(devPath), { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(devPath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  return { key: createPrivateKey(readFileSync(devPath)), developerKey: true };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * A manifest URL made absolute from the app's root. The IWA manifest lives at
 * /.well-known/manifest.webmanifest, so a relative `icons/icon-192.png` would resolve under
 * /.well-known/ and miss (Chromium then refuses to install: "No supplied icon is at least 144px").
 */
function fromRoot(url: string): string {
  return new URL(url, 'isolated-app://app/').pathname;
}

/** The web manifest plus what an IWA needs: a version, the permissions policy, and every URL absolute. */
export function isolatedManifest(webManifest: Record<string, unknown>, version: string): Record<string, unknown> {
  const icons = (webManifest.icons as { src: string }[] | undefined) ?? [];
  const absolute = (key: string) => (typeof webManifest[key] === 'string' ? { [key]: fromRoot(webManifest[key]) } : {});
  return {
    ...webManifest,
    ...absolute('id'),
    ...absolute('start_url'),
    ...absolute('scope'),
    icons: icons.map((icon) => ({ ...icon, src: fromRoot(icon.src) })),
    version,
    permissions_policy: IWA_PERMISSIONS_POLICY,
  };
}

/** The installed app's build modes: `npm run build:iwa`, and the install test's emulated-reader build. */
export type IwaMode = 'iwa' | 'iwa-usb-emulator';

/**
 * Builds the app for an installed-app mode into dist-iwa/ (or dist-iwa-usb-emulator/) and writes
 * the IWA manifest at /.well-known/manifest.webmanifest; returns the site's directory. This is
 * what the signed bundle packs, and what Chromium's developer-mode proxy install serves.
 */
export function prepareIsolatedSite(mode: IwaMode = 'iwa', { skipViteBuild = false } = {}): string {
  const site = join(ROOT, mode === 'iwa' ? 'dist-iwa' : 'dist-iwa-usb-emulator');
  if (!skipViteBuild) {
    execFileSync('npx', ['--no-install', 'vite', 'build', '--mode', mode, '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  }
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  mkdirSync(join(site, '.well-known'), { recursive: true });
  writeFileSync(join(site, '.well-known', 'manifest.webmanifest'), JSON.stringify(isolatedManifest(WEB_MANIFEST, version), null, 2));
  return site;
}

export async function buildIsolatedWebApp(options: IwaBuildOptions = {}): Promise<IwaBuildResult> {
  const site = prepareIsolatedSite('iwa', { skipViteBuild: options.skipViteBuild });
  const builder = new BundleBuilder('b2');
  const files = filesUnder(site).filter((path) => extname(path) !== '.map');
  let bytes = 0;
  for (const path of files) {
    const url = `/${relative(site, path).split('\\').join('/')}`;
    const body = readFileSync(path);
    bytes += body.length;
    const headers = { 'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream', ...ISOLATION_HEADERS };
    builder.addExchange(url, 200, headers, new Uint8Array(body));
    if (url === '/index.html') builder.addExchange('/', 200, headers, new Uint8Array(body));
  }
  const unsigned = builder.createBundle();

  const { key, developerKey } = signingKey(options.keyPath);
  const webBundleId = new WebBundleId(key).serialize();
  const { signedWebBundle } = await new IntegrityBlockSigner(unsigned, webBundleId, [new NodeCryptoSigningStrategy(key)]).sign();
  const bundlePath = options.bundlePath ?? join(ROOT, 'dist-iwa-bundle', 'mynalens.swbn');
  mkdirSync(dirname(bundlePath), { recursive: true });
  writeFileSync(bundlePath, signedWebBundle);
  writeFileSync(join(dirname(bundlePath), 'web-bundle-id.txt'), `${webBundleId}\n`);
  return { bundlePath, webBundleId, files: files.length, bytes, developerKey };
}
