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
console.log('Install and open in Chromium\'s IWA developer mode: npm run iwa:open (README, "The installed app").');
console.log('The .swbn is for deployment by policy; its install does not complete in Chromium 156 developer mode.');
