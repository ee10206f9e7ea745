/**
 * Which Debian packages the PC/SC rig needs (docs/test-rigs.md §A.1) and how to tell whether they are
 * installed, without asking dpkg: a file each package is known to ship is enough.
 */

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The packages, in the order `scripts/ensure-pcsc.sh` installs them. */
export const PCSC_PACKAGES = ['pcscd', 'pcsc-tools', 'opensc', 'vsmartcard-vpcd', 'openssl', 'iproute2', 'util-linux'] as const;

/** A file that proves a package is installed, with what it is for. */
export interface RequiredFile {
  readonly path: string;
  readonly pkg: (typeof PCSC_PACKAGES)[number];
  readonly what: string;
}

/** The files checked, the same as in `scripts/ensure-pcsc.sh`. */
export const REQUIRED_FILES: readonly RequiredFile[] = [
  { path: '/usr/sbin/pcscd', pkg: 'pcscd', what: 'the PC/SC daemon' },
  { path: '/usr/bin/pcsc_scan', pkg: 'pcsc-tools', what: 'pcsc_scan' },
  { path: '/usr/bin/opensc-tool', pkg: 'opensc', what: 'opensc-tool' },
  { path: '/usr/bin/pkcs15-tool', pkg: 'opensc', what: 'pkcs15-tool' },
  { path: '/usr/bin/pkcs15-crypt', pkg: 'opensc', what: 'pkcs15-crypt' },
  { path: '/usr/lib/pcsc/drivers/serial/libifdvpcd.so', pkg: 'vsmartcard-vpcd', what: 'the vpcd reader driver' },
  { path: '/usr/bin/openssl', pkg: 'openssl', what: 'openssl' },
  { path: '/usr/sbin/ip', pkg: 'iproute2', what: "ip, to bring up lo in pcscd's own network namespace" },
  { path: '/usr/bin/unshare', pkg: 'util-linux', what: 'unshare, to start pcscd in a network namespace of its own' },
  { path: '/usr/bin/nsenter', pkg: 'util-linux', what: "nsenter, to start the vpcd relay inside pcscd's namespace" },
];

/**
 * Debian's reader.conf for vpcd, which makes any pcscd that reads /etc/reader.conf.d (the
 * system's, socket-activated on desktops) listen on every address. `ensure-pcsc.sh` moves it
 * aside with dpkg-divert to `VPCD_SYSTEM_CONF_DIVERTED`; our rig passes pcscd its own copy.
 */
export const VPCD_SYSTEM_CONF = '/etc/reader.conf.d/vpcd';
export const VPCD_SYSTEM_CONF_DIVERTED = '/etc/vpcd-reader.conf.disabled-by-mynalens';

/** The command a person runs (as root) to install everything. */
export const APT_INSTALL_COMMAND =
  'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ' + PCSC_PACKAGES.join(' ');

/** The required files that are not on this machine (empty when all is installed). */
export function missingPcscFiles(): RequiredFile[] {
  return REQUIRED_FILES.filter((file) => !existsSync(file.path));
}

/** `scripts/ensure-pcsc.sh`, found relative to this file so it works from any working directory. */
export const ENSURE_PCSC_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '..', 'ensure-pcsc.sh');

/**
 * Installs the packages when something is missing, by running `scripts/ensure-pcsc.sh` (needs
 * root and Debian's apt). Resolves with what the script printed; rejects with it on failure.
 */
export function ensurePcscPackages(timeoutMs = 240_000): Promise<string> {
  if (missingPcscFiles().length === 0) return Promise.resolve('ensure-pcsc: nothing to install');
  return new Promise((resolve, reject) => {
    execFile('bash', [ENSURE_PCSC_SCRIPT], { timeout: timeoutMs }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`.trim();
      if (error) reject(new Error(`${ENSURE_PCSC_SCRIPT} failed: ${error.message}\n${output}`));
      else resolve(output);
    });
  });
}
