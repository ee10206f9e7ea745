import type { UsbConfigurationLike } from '../../usb/UsbDeviceLike';
import type { Personality, PublishedDescriptor } from './personality';

/** The fake reader's endpoint numbers: bulk-IN 0x81, bulk-OUT 0x02, interrupt-IN 0x83. */
export const BULK_IN = 1;
export const BULK_OUT = 2;
export const INTERRUPT_IN = 3;
/** wMaxPacketSize of the interrupt-IN endpoint. */
export const INTERRUPT_PACKET_SIZE = 8;

const le32 = (v: number): number[] => [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff];

/** Descriptor fields of the generic personalities that have no published dump: CCID 1.1, 4 MHz, 9600..307 200 bit/s. */
const GENERIC: PublishedDescriptor = {
  bcdCcid: 0x0110, voltageSupport: 0x07, defaultClock: 4000, maximumClock: 4000, numClockSupported: 0,
  dataRate: 9600, maxDataRate: 307200, numDataRatesSupported: 0, maxIfsd: 254, synchProtocols: 0, mechanical: 0,
  classGetResponse: 0xff, classEnvelope: 0xff, lcdLayout: 0, pinSupport: 0, maxBusySlots: 1,
};

/** The class descriptor's fields as the personality publishes them, the generic ones where it has no dump. */
export function publishedDescriptor(p: Personality): PublishedDescriptor {
  return { ...GENERIC, ...p.published };
}

/** CCID 1.1 Table 5.1-1, by hand: 54 bytes, field by field as the personality publishes them. */
function classDescriptor(p: Personality, features: number): number[] {
  const d = publishedDescriptor(p);
  return [
    0x36, 0x21, d.bcdCcid & 0xff, d.bcdCcid >> 8, p.maxSlotIndex, d.voltageSupport, // bLength, type, bcdCCID, bMaxSlotIndex, bVoltageSupport
    ...le32(p.protocols), ...le32(d.defaultClock), ...le32(d.maximumClock), d.numClockSupported, // dwProtocols, clocks kHz
    ...le32(d.dataRate), ...le32(d.maxDataRate), d.numDataRatesSupported, // data rates bit/s
    ...le32(d.maxIfsd), ...le32(d.synchProtocols), ...le32(d.mechanical),
    ...le32(features), ...le32(p.maxMessageLength),
    d.classGetResponse, d.classEnvelope, d.lcdLayout & 0xff, d.lcdLayout >> 8, d.pinSupport, d.maxBusySlots,
  ];
}

/** USB 2.0 §9.6.3–§9.6.6, by hand: configuration, one interface, the CCID descriptor, three endpoints. */
export function configurationDescriptor(p: Personality, features: number, packetSize: number): Uint8Array {
  const body = [
    0x09, 0x04, 0x00, 0x00, 0x03, p.interfaceClass, 0x00, 0x00, 0x00,
    ...classDescriptor(p, features),
    0x07, 0x05, 0x80 | BULK_IN, 0x02, packetSize & 0xff, packetSize >> 8, 0x00,
    0x07, 0x05, BULK_OUT, 0x02, packetSize & 0xff, packetSize >> 8, 0x00,
    0x07, 0x05, 0x80 | INTERRUPT_IN, 0x03, INTERRUPT_PACKET_SIZE, 0x00, 0x10,
  ];
  const total = 9 + body.length;
  return Uint8Array.of(0x09, 0x02, total & 0xff, total >> 8, 0x01, 0x01, 0x00, 0x80, 0x32, ...body);
}

/** What WebUSB shows of the same configuration before the device is opened. */
export function parsedConfiguration(p: Personality, packetSize: number): UsbConfigurationLike {
  const alternate = {
    alternateSetting: 0,
    interfaceClass: p.interfaceClass,
    interfaceSubclass: 0,
    interfaceProtocol: 0,
    interfaceName: null,
    endpoints: [
      { endpointNumber: BULK_IN, direction: 'in', type: 'bulk', packetSize },
      { endpointNumber: BULK_OUT, direction: 'out', type: 'bulk', packetSize },
      { endpointNumber: INTERRUPT_IN, direction: 'in', type: 'interrupt', packetSize: INTERRUPT_PACKET_SIZE },
    ],
  } as const;
  return { configurationValue: 1, configurationName: null, interfaces: [{ interfaceNumber: 0, alternate, alternates: [alternate], claimed: false }] };
}
