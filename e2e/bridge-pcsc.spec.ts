import type { Page } from '@playwright/test';
import { countReadRows, enterPin, openPin, scanCard, startSimulator, submitPin } from './support/flows';
import { PcscBridgeRig, connectThroughBridge, type RunningBridge } from './support/pcscBridge';
import { test, expect } from './support/test';

/**
 * The MynaLens bridge through the real PC/SC stack (issue 18): pcscd + vpcd + the simulated card
 * (loopback only) → `npm run bridge` (koffi → libpcsclite) → the production build in Chromium.
 * Project `pcsc-bridge` in playwright.config.ts; needs root and Debian's pcscd/vpcd.
 */

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

let rig: PcscBridgeRig;
let bridge: RunningBridge | null = null;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  rig = await PcscBridgeRig.start();
});

test.afterAll(async () => {
  if (bridge) await rig.stopBridge(bridge);
  await rig?.stop();
});

/** The APDU of a no-PIN scan during which the card or the bridge goes: a few files are read by then. */
const MID_SCAN_APDU = 25;
let fullScanReadRows = 0;

/** Some rows were read, fewer than a whole scan reads, and they are still on screen. */
async function expectRowsKeptFromAnUnfinishedScan(page: Page): Promise<void> {
  const read = await countReadRows(page, page.locator('[data-testid^="row-"][data-status="read"]'));
  expect(read).toBeGreaterThan(0);
  expect(read).toBeLessThan(fullScanReadRows);
}

/** The PIN flows of the journeys that use the simulator directly, in order. */
const PIN_FLOWS: readonly [string, string][] = [
  ['jpkiAuth', '1234'],
  ['jpkiSign', 'MYNA2026'],
  ['textPin', '1234'],
  ['visualPinA', '123456789018'],
  ['visualPinB', '60061220354821'],
];

/** Every matrix row: its key, status and what it shows. */
async function rows(page: Page): Promise<string[]> {
  const cells = page.locator('[data-testid^="row-"][data-status]');
  return cells.evaluateAll((elements) =>
    elements.map((e) => `${e.getAttribute('data-testid')} ${e.getAttribute('data-status')} ${(e as HTMLElement).innerText.replace(/\s+/g, ' ')}`),
  );
}

/** Scans, then opens each PIN in turn; the rows after the scan and after each PIN. */
async function scanAndEveryPin(page: Page): Promise<string[][]> {
  await scanCard(page);
  const seen = [await rows(page)];
  for (const [pinId, value] of PIN_FLOWS) {
    await enterPin(page, pinId, value);
    seen.push(await rows(page));
  }
  return seen;
}

test('a full scan and every PIN flow through pcscd + vpcd + the bridge show exactly the rows of the simulator used directly', async ({ page, baseURL }) => {
  const sockets: string[] = [];
  page.on('websocket', (socket) => sockets.push(socket.url()));
  await startSimulator(page);
  const direct = await scanAndEveryPin(page);
  expect(direct[0]!.length).toBeGreaterThan(10);
  // The start screen offered the bridge but never reached for it: nobody asked.
  expect(sockets).toEqual([]);
  fullScanReadRows = direct[0]!.filter((r) => / read /.test(r)).length;

  bridge = await rig.startBridge(new URL(baseURL!).origin);
  await page.goto('/');
  await page.getByTestId('lang-en').click();
  await connectThroughBridge(page, bridge.pairingCode);
  expect(await scanAndEveryPin(page)).toEqual(direct);
  // With the bridge, the one endpoint besides the app's own origin is the loopback bridge.
  expect(new Set(sockets)).toEqual(new Set(['ws://127.0.0.1:27436/']));
  // The bridge logged no APDU bytes, only headers and lengths — and a VERIFY that carried a PIN
  // not even its length (a tries-left probe, with no data, still shows its 4 bytes).
  expect(bridge.output()).toMatch(/=> 00 20 00 [89][0-9A-F] \*\* PIN hidden \*\* <= 90 00/);
  expect(bridge.output()).not.toMatch(/=> 00 20 00 [89][0-9A-F] \((?!4 bytes)\d+ bytes\)/);
});

test('the card taken out of the PC/SC reader mid-scan: "card removed", rows kept, Reconnect continues', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('lang-en').click();
  // Set before connecting: the scan starts as soon as the reader is chosen (the count includes the connect's few APDUs).
  rig.removeCardAtApdu(MID_SCAN_APDU);
  await connectThroughBridge(page, bridge!.pairingCode, { interruptedScan: true });
  await expect(page.getByTestId('card-interrupted')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('error')).toContainText('The card was removed');
  await expectRowsKeptFromAnUnfinishedScan(page);
  await rig.removeCard();

  await rig.insertCard();
  await page.getByTestId('reconnect').click();
  await expect(page.getByTestId('card-panel')).toContainText('Virtual PCD 00 00', { timeout: 20_000 });
  // Continuing keeps what was read and scans only when asked.
  await page.getByTestId('scan').click();
  await scanCard(page);
  await expect(page.getByTestId('row-jpki/000A')).toHaveAttribute('data-status', 'read');
});

test('the bridge stopped mid-scan: a clear error, rows kept; after starting it again Reconnect works with no new pairing', async ({ page, baseURL }) => {
  await page.goto('/');
  await page.getByTestId('lang-en').click();
  rig.killBridgeAtApdu(bridge!, MID_SCAN_APDU);
  await connectThroughBridge(page, bridge!.pairingCode, { interruptedScan: true });
  await expect(page.getByTestId('card-interrupted')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('error')).toContainText('The MynaLens bridge stopped');
  await expectRowsKeptFromAnUnfinishedScan(page);
  await rig.killBridge(bridge!);

  bridge = await rig.startBridge(new URL(baseURL!).origin);
  const restarted = bridge;
  await expect.poll(() => restarted.output()).toContain(`Paired with ${new URL(baseURL!).origin}`);
  await page.getByTestId('reconnect').click();
  await expect(page.getByTestId('card-panel')).toContainText('Virtual PCD 00 00', { timeout: 20_000 });
  // Continuing keeps what was read and scans only when asked.
  await page.getByTestId('scan').click();
  await scanCard(page);
  await expect(page.getByTestId('row-jpki/000A')).toHaveAttribute('data-status', 'read');
});

test("another holder's card put into the PC/SC reader before Reconnect: everything the first card showed is cleared", async ({ page, baseURL }) => {
  bridge ??= await rig.startBridge(new URL(baseURL!).origin);
  await page.goto('/');
  await page.getByTestId('lang-en').click();
  await connectThroughBridge(page, bridge!.pairingCode);
  // The PIN list comes with the scan; through pcscd and the bridge a whole scan takes a while.
  await expect(page.getByTestId('pin-list')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('scan')).toBeEnabled({ timeout: 60_000 });
  await openPin(page, 'textPin');
  await submitPin(page, '1234');
  await expect(page.getByTestId('row-text/0002')).toHaveAttribute('data-status', 'read');

  // The adult's card goes at the first APDU of the next scan; the child's card goes in.
  rig.removeCardAtApdu(1);
  await page.getByTestId('scan').click();
  await expect(page.getByTestId('card-interrupted')).toBeVisible({ timeout: 15_000 });
  await rig.removeCard();
  await rig.insertCard('child');
  await page.getByTestId('reconnect').click();
  await expect(page.getByTestId('card-panel')).toContainText('Virtual PCD 00 00', { timeout: 20_000 });

  await expect(page.getByTestId('card-changed')).toHaveText('A different card is in the reader; what the previous card showed was cleared.');
  await expect(page.locator('tr[data-status="read"]')).toHaveCount(0);
  await expect(page.getByTestId('apdu-command').filter({ hasText: /00 20 00 [89][0-9A-F] 04/ })).toHaveCount(0);
  // No scan: the child's 照合番号A at once.
  await openPin(page, 'visualPinA');
  await submitPin(page, '987654321018');
  await expect(page.getByTestId('row-visual/0002')).toHaveAttribute('data-status', 'read');
  await expect(page.locator('[data-testid^="row-text/"][data-status="read"]')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText('見本　花子');
});
