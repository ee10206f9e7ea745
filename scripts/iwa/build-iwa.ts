import { buildIsolatedWebApp } from './buildIwa';

// `npm run build:iwa`: prints where the signed bundle is and how to install it (README, "Installed app").
const result = await buildIsolatedWebApp();
console.log(`Signed Web Bundle: ${result.bundlePath}`);
console.log(`  ${result.files} files, ${(result.bytes / 1024).toFixed(0)} KiB before packing`);
console.log(`  Web Bundle ID: ${result.webBundleId}  (origin isolated-app://${result.webBundleId}/)`);
if (result.developerKey) {
  console.log('  Signed with the developer key in .iwa/dev-signing-key.pem: for developer-mode installs only.');
  console.log('  Release builds: IWA_SIGNING_KEY=/path/to/ed25519.pem npm run build:iwa');
}
console.log('Install: chrome://flags/#enable-isolated-web-app-dev-mode → Enabled, restart, then');
console.log('         chrome://web-app-internals → "Install IWA from Signed Web Bundle" → choose the .swbn file.');
