import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  APT_INSTALL_COMMAND,
  ENSURE_PCSC_SCRIPT,
  PCSC_PACKAGES,
  REQUIRED_FILES,
  VPCD_SYSTEM_CONF,
  VPCD_SYSTEM_CONF_DIVERTED,
} from './packages';

// scripts/ensure-pcsc.sh (bash, for the test command) and packages.ts (for the script and the
// OpenSC test) must agree on what gets installed and what proves it is installed.
describe('ensure-pcsc.sh and packages.ts', () => {
  const script = readFileSync(ENSURE_PCSC_SCRIPT, 'utf8');

  it('install the same packages', () => {
    expect(script).toContain(`packages="${PCSC_PACKAGES.join(' ')}"`);
  });

  it('check the same files', () => {
    const block = /required=\(\n([\s\S]*?)\n\)/.exec(script)?.[1] ?? '';
    expect(block.split('\n').map((line) => line.trim())).toEqual(REQUIRED_FILES.map((f) => f.path));
  });

  it('move the same system file aside', () => {
    expect(script).toContain(`system_conf=${VPCD_SYSTEM_CONF}`);
    expect(script).toContain(`diverted_conf=${VPCD_SYSTEM_CONF_DIVERTED}`);
  });

  it('print the apt-get command of the brief, package for package', () => {
    expect(APT_INSTALL_COMMAND).toBe(
      'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends pcscd pcsc-tools opensc vsmartcard-vpcd openssl iproute2 util-linux',
    );
  });
});
