// Installs the npm packages exactly as package-lock.json lists them, when they are missing or
// older than the lock file. `npm ci`, never `npm install`: a lock file out of step with
// package.json then fails loudly instead of being rewritten, and the working tree stays clean.
// Plain Node with no dependencies, so `npm start` works the same on Windows, macOS and Linux.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lockFile = join(root, 'package-lock.json');
const installedLock = join(root, 'node_modules', '.package-lock.json');

/** True when node_modules is absent or was installed from an older lock file. */
function packagesNeedInstall() {
  if (!existsSync(installedLock)) return true;
  return statSync(lockFile).mtimeMs > statSync(installedLock).mtimeMs;
}

if (packagesNeedInstall()) {
  console.warn('ensure-deps: installing the npm packages from package-lock.json (npm ci)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error('ensure-deps: npm ci failed. If it says package.json and package-lock.json are out of sync, run `npm install` once, check the lock file diff, and commit it.');
    process.exit(result.status ?? 1);
  }
}
