import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanCard } from './support/flows';
import { connectThroughBridge, startBridgeProcess, startSimulatorPcsc, stopBridgeProcess } from './support/pcscBridge';
import { test, expect } from './support/test';
import { ensurePcscPackages } from '../scripts/pcsc/packages';

/**
 * Issue 15 §1: the PC/SC path with every contact card personality — `npm run simulator:pcsc --
 * --personality <id>` (its own loopback-only pcscd + vpcd), `npm run bridge`, the production build:
 * the ATR PC/SC reports and one no-PIN scan per personality (the whole journey runs once, in
 * bridge-pcsc.spec.ts). Project `pcsc-bridge`; needs root and Debian's pcscd/vpcd.
 */

test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

test.beforeAll(async () => {
  test.setTimeout(300_000);
  await ensurePcscPackages();
});

const CONTACT_PERSONALITIES = [
  ['my-number', '3B E0 00 FF 81 31 FE 45 14'],
  ['my-number-c5', '3B C5 FF 81 31 FB 45 80 73 C6 01 00 00'],
  ['my-number-ta1-13', '3B DA 13 FF 81 31 FB 46 80 12 39 2F 31 C1 73 C6 01 C0 3B'],
  ['my-number-specific', '3B F5 91 00 FF 91 81 71 FE 40 00 42 00 01 00 D1 D6'],
] as const;

for (const [personality, atr] of CONTACT_PERSONALITIES) {
  test(`simulator:pcsc --personality ${personality}: the bridge reports ATR ${atr} and the no-PIN scan reads the certificate`, async ({ page, baseURL }) => {
    const workDir = mkdtempSync(join(tmpdir(), 'mynalens-personality-e2e-'));
    const simulator = await startSimulatorPcsc(personality);
    let bridge: Awaited<ReturnType<typeof startBridgeProcess>> | null = null;
    try {
      expect(simulator.output()).toContain(`Card personality ${personality}: contact, ATR ${atr}`);
      bridge = await startBridgeProcess(new URL(baseURL!).origin, join(workDir, 'bridge-pairing.json'));
      await page.goto('/');
      await page.getByTestId('lang-en').click();
      await connectThroughBridge(page, bridge.pairingCode);
      await expect(page.getByTestId('atr')).toHaveText(atr);
      await scanCard(page);
      await expect(page.getByTestId('row-jpki/000A')).toHaveAttribute('data-status', 'read');
    } finally {
      if (bridge) await stopBridgeProcess(bridge);
      await stopBridgeProcess(simulator);
      rmSync(workDir, { recursive: true, force: true });
    }
  });
}
