import type { UsbConfigurationLike } from '../../usb/UsbDeviceLike';

/** The vendor pipes are EP 2 IN / EP 2 OUT (docs/browser-platform.md §3.4; marimelon/rcs300-poc `endpointNumber = 2`). */
export const VENDOR_EP = 2;

/**
 * The RC-S300's configuration as WebUSB shows it: interface 0 CCID (class 0B; libccid
 * readers/SONY_FeliCa_RC-S300_S.txt — its endpoint numbers here are placeholders, never used),
 * interface 1 vendor-specific (class FF, docs/browser-platform.md §3.3) with two bulk pipes.
 */
export function rcs300Configuration(packetSize: number): UsbConfigurationLike {
  const ccid = {
    alternateSetting: 0,
    interfaceClass: 0x0b,
    interfaceSubclass: 0,
    interfaceProtocol: 0,
    interfaceName: null,
    endpoints: [
      { endpointNumber: 1, direction: 'in', type: 'bulk', packetSize },
      { endpointNumber: 1, direction: 'out', type: 'bulk', packetSize },
      { endpointNumber: 3, direction: 'in', type: 'interrupt', packetSize: 8 },
    ],
  } as const;
  const vendor = {
    alternateSetting: 0,
    interfaceClass: 0xff,
    interfaceSubclass: 0,
    interfaceProtocol: 0,
    interfaceName: null,
    endpoints: [
      { endpointNumber: VENDOR_EP, direction: 'in', type: 'bulk', packetSize },
      { endpointNumber: VENDOR_EP, direction: 'out', type: 'bulk', packetSize },
    ],
  } as const;
  return {
    configurationValue: 1,
    configurationName: null,
    interfaces: [
      { interfaceNumber: 0, alternate: ccid, alternates: [ccid], claimed: false },
      { interfaceNumber: 1, alternate: vendor, alternates: [vendor], claimed: false },
    ],
  };
}
