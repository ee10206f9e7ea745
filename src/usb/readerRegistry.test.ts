import { describe, expect, it } from 'vitest';
import type { ReaderDriver, ReaderIdentity, ReaderRoute } from './readerDriver';
import { READER_IDENTITIES, readerRequestFilters } from './readerIdentities';
import { knownReader, READER_DRIVERS, routesHere, routesOf } from './readerRegistry';
import type { UsbConfigurationLike } from './UsbDeviceLike';

/** A device as WebUSB lists it before it is opened: identity and one interface per class given. */
function listed(vendorId: number, productId: number, classes: readonly number[] = []) {
  const interfaces = classes.map((interfaceClass, interfaceNumber) => {
    const alternate = { alternateSetting: 0, interfaceClass, interfaceSubclass: 0, interfaceProtocol: 0, endpoints: [] };
    return { interfaceNumber, alternate, alternates: [alternate], claimed: false };
  });
  const configurations: UsbConfigurationLike[] = [{ configurationValue: 1, interfaces }];
  return { vendorId, productId, configurations };
}

const routes = (drivers: readonly ReaderDriver[]) => drivers.map((d) => d.route);

describe('the reader registry', () => {
  it('gives each known reader its route (libccid supported_readers.txt, docs/browser-platform.md §4.8), the RC-S300 its CCID interface first', () => {
    const table: [number, number, string, ReaderRoute[]][] = [
      [0x04e6, 0x511a, 'SCR3310-NTTCom', ['ccid-vendor']],
      [0x04e6, 0x5116, 'SCM SCR3310 v2', ['ccid-class']],
      [0x04e6, 0x511f, 'SCM SCR3310 v2', ['ccid-class']],
      [0x072f, 0xb100, 'ACS ACR39U', ['ccid-class']],
      [0x072f, 0x90cc, 'ACS ACR38U-CCID', ['ccid-class']],
      [0x072f, 0x223e, 'ACS ACR1252U', ['ccid-class']],
      [0x054c, 0x06c1, 'Sony PaSoRi RC-S380/S', ['port100']],
      [0x054c, 0x06c3, 'Sony PaSoRi RC-S380/P', ['port100']],
      [0x054c, 0x0dc8, 'Sony PaSoRi RC-S300/S', ['ccid-class', 'rcs300']],
      [0x054c, 0x0dc9, 'Sony PaSoRi RC-S300/P', ['ccid-class', 'rcs300']],
    ];
    for (const [vendorId, productId, name, expected] of table) {
      expect(knownReader(vendorId, productId)?.reader.name).toBe(name);
      // The identity decides, whatever interfaces the device lists.
      expect(routes(routesOf(listed(vendorId, productId, [0xff])))).toEqual(expected);
    }
  });

  it('gives the page the same identities the engine opens by, in the same order', () => {
    const identity = ({ route, protectedClass, experimental, readers, chooserFilters }: ReaderIdentity) => ({ route, protectedClass, experimental, readers, chooserFilters });
    expect(READER_IDENTITIES.map(identity)).toEqual(READER_DRIVERS.map(identity));
    expect(readerRequestFilters(READER_DRIVERS)).toEqual(readerRequestFilters());
  });

  it('holds each USB identity once, so no reader is claimed by two drivers', () => {
    const identities = READER_DRIVERS.flatMap((d) => d.readers.map((r) => `${r.vendorId}:${r.productId}`));
    expect(new Set(identities).size).toBe(identities.length);
  });

  it('recognises an unknown device by its interfaces: vendor class as CCID first, then smart-card class; nothing else', () => {
    expect(routes(routesOf(listed(0x1234, 0x0001, [0xff])))).toEqual(['ccid-vendor']);
    expect(routes(routesOf(listed(0x1234, 0x0001, [0x0b])))).toEqual(['ccid-class']);
    expect(routes(routesOf(listed(0x1234, 0x0001, [0x0b, 0xff])))).toEqual(['ccid-vendor']);
    expect(routesOf(listed(0x1234, 0x0001, [0x03]))).toEqual([]);
    expect(routesOf(listed(0x1234, 0x0001))).toEqual([]);
  });

  it('keeps a protected-class route for a page with usb-unrestricted only', () => {
    const rcs300 = routesOf(listed(0x054c, 0x0dc8));
    expect(routes(routesHere(rcs300, false))).toEqual(['rcs300']);
    expect(routes(routesHere(rcs300, true))).toEqual(['ccid-class', 'rcs300']);
  });

  it('offers in the chooser the readers a plain page can claim by identity, and the smart-card class', () => {
    const filters = readerRequestFilters();
    expect(filters).toEqual(
      expect.arrayContaining([
        { vendorId: 0x04e6, productId: 0x511a },
        { vendorId: 0x054c, productId: 0x06c1 },
        { vendorId: 0x054c, productId: 0x06c3 },
        { vendorId: 0x054c, productId: 0x0dc8 },
        { vendorId: 0x054c, productId: 0x0dc9 },
        { classCode: 0x0b },
      ]),
    );
    expect(filters).toHaveLength(6);
  });

  it('takes a new driver from its descriptor alone: identity, recognition and chooser filter', () => {
    // A route name the registry has never seen; only protocol's ReaderRouteView, which the UI reads, would have to learn it.
    const route = 'test-hid' as ReaderRoute;
    const driver: ReaderDriver = {
      route,
      protectedClass: false,
      experimental: true,
      readers: [{ vendorId: 0x1209, productId: 0x0001, name: 'Test reader' }],
      recognises: (classes) => classes.has(0x03),
      chooserFilters: [{ classCode: 0x03 }],
      interfaceName: () => 'the test interface',
      check: 'contactless',
      timeoutMs: 1_000,
      load: () => Promise.reject(new Error('not opened here')),
    };
    const drivers = [...READER_DRIVERS, driver];
    expect(knownReader(0x1209, 0x0001, drivers)?.reader.name).toBe('Test reader');
    expect(routes(routesOf(listed(0x1209, 0x0001), drivers))).toEqual([route]);
    expect(routes(routesOf(listed(0x1234, 0x0001, [0x03]), drivers))).toEqual([route]);
    const filters = readerRequestFilters(drivers);
    expect(filters).toEqual(expect.arrayContaining([...readerRequestFilters(), { vendorId: 0x1209, productId: 0x0001 }, { classCode: 0x03 }]));
    expect(filters).toHaveLength(readerRequestFilters().length + 2);
  });
});
