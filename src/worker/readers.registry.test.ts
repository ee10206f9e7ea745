import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes';
import { loadPersonalisation, SimulatedCard } from '../simulator';
import { FakeRcs380Device } from '../simulator/FakeRcs380Device';
import type { UsbLike } from '../usb/host/UsbLike';
import type { ReaderDriver, ReaderRoute } from '../usb/readerDriver';
import { readerRequestFilters } from '../usb/readerIdentities';
import { READER_DRIVERS } from '../usb/readerRegistry';
import type { UsbDeviceLike } from '../usb/UsbDeviceLike';
import { listReaderViews } from './readerList';
import { ReaderAttempt } from './readerReport/ReaderAttempt';
import { buildReaderReport } from './readerReport/readerReport';
import { openReader } from './readers';

/*
 * The registry's promise: a reader driver is added by its descriptor alone. A driver nobody
 * registered — here a Port-100 chip sold under another USB identity, opened by the RC-S380's
 * transport — is listed, offered in the chooser, opened, checked and reported once its descriptor
 * joins the list, with no other change.
 */

const TEST_IDENTITY = { vendorId: 0x1209, productId: 0x0001 };
/** A route name nothing else knows; only protocol's ReaderRouteView, which the UI reads, would have to learn it. */
const TEST_ROUTE = 'test-port100' as ReaderRoute;
const SELECT_JPKI = fromHex('00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01');

/** The emulated RC-S380 with a card on it, listed under the test identity and no product string. */
async function testDevice(): Promise<UsbDeviceLike> {
  const d = new FakeRcs380Device(new SimulatedCard(await loadPersonalisation('adult')));
  return {
    ...TEST_IDENTITY,
    productName: null,
    serialNumber: null,
    get opened() {
      return d.opened;
    },
    get configuration() {
      return d.configuration;
    },
    configurations: d.configurations,
    open: () => d.open(),
    close: () => d.close(),
    selectConfiguration: (value) => d.selectConfiguration(value),
    claimInterface: (n) => d.claimInterface(n),
    releaseInterface: () => d.releaseInterface(),
    controlTransferIn: (setup, length) => d.controlTransferIn(setup, length),
    transferIn: (endpoint, length) => d.transferIn(endpoint, length),
    transferOut: (endpoint, data) => d.transferOut(endpoint, data),
    clearHalt: (direction, endpoint) => d.clearHalt(direction, endpoint),
  };
}

const usbWith = (device: UsbDeviceLike): UsbLike => ({ getDevices: () => Promise.resolve([device]), addEventListener: () => {}, removeEventListener: () => {} });

/** Everything the registry asks of a driver, and nothing more. */
const TEST_DRIVER: ReaderDriver = {
  route: TEST_ROUTE,
  protectedClass: false,
  experimental: true,
  readers: [{ ...TEST_IDENTITY, name: 'Test Port-100 reader' }],
  interfaceName: () => 'the test vendor interface',
  check: 'contactless',
  timeoutMs: 1_000,
  load: () => import('../usb/rcs380/Rcs380Reader').then((m) => m.Rcs380Reader),
};

describe('a reader driver added by its descriptor alone', () => {
  it('is unknown before it is registered: its vendor-class interface is only a guess at CCID', async () => {
    const usb = usbWith(await testDevice());
    expect(await listReaderViews(usb, false)).toEqual([
      { id: '1209:0001#0', name: 'USB device 1209:0001', vendorId: '1209', productId: '0001', serialNumber: null, route: 'ccid-vendor', experimental: false, blockedBy: null },
    ]);
    expect(readerRequestFilters()).not.toContainEqual(TEST_IDENTITY);
  });

  it('once registered is listed, offered in the chooser, opened, checked and reported', async () => {
    const drivers = [...READER_DRIVERS, TEST_DRIVER];
    const usb = usbWith(await testDevice());
    expect(await listReaderViews(usb, false, drivers)).toEqual([
      { id: '1209:0001#0', name: 'Test Port-100 reader', vendorId: '1209', productId: '0001', serialNumber: null, route: TEST_ROUTE, experimental: true, blockedBy: null },
    ]);
    expect(readerRequestFilters(drivers)).toContainEqual(TEST_IDENTITY);

    const attempt = new ReaderAttempt();
    const opened = await openReader(usb, '1209:0001#0', false, attempt, drivers);
    expect(opened.view).toMatchObject({ route: TEST_ROUTE, experimental: true });
    expect(toHex(opened.reader.atr).startsWith('3B 88 80 01')).toBe(true);
    expect(toHex((await opened.reader.transmit(SELECT_JPKI)).slice(-2))).toBe('90 00');
    expect(opened.check()).toMatchObject({ kind: 'contactless', experimental: true, reader: { route: TEST_ROUTE }, fsc: 256 });

    const report = JSON.parse(buildReaderReport(attempt, [], null)) as { reader: Record<string, unknown>; card: { atqb: { pupi: string } }; startUp: { steps: unknown[] } };
    expect(report.reader).toMatchObject({ name: 'Test Port-100 reader', vendorId: '1209', route: TEST_ROUTE, experimental: true });
    expect(report.card.atqb.pupi).toBe('-- -- -- --');
    expect(report.startUp.steps.length).toBeGreaterThan(3);
    await opened.reader.close();
  });
});
