import { ByteReader, MalformedDataError } from '../../bytes';
import {
  CCID_CLASS_DESCRIPTOR_LENGTH,
  CCID_CLASS_DESCRIPTOR_TYPE,
  parseCcidClassDescriptor,
  type CcidClassDescriptor,
} from './classDescriptor';
import { readU16le } from './littleEndian';

/** USB 2.0 §9.4 Table 9-5: descriptor types we walk past or read. */
const CONFIGURATION = 0x02;
const INTERFACE = 0x04;
const ENDPOINT = 0x05;
/** CCID 1.1 §4.3: bInterfaceClass of a smart-card interface. */
const CCID_INTERFACE_CLASS = 0x0b;
/** USB vendor-specific class; some readers (SCR3310-NTTCom) speak CCID behind it. */
const VENDOR_INTERFACE_CLASS = 0xff;

/** USB 2.0 §9.6.6: one endpoint, with the number WebUSB's transfer calls take. */
export interface CcidEndpoint {
  /** bEndpointAddress, direction bit included (0x82). */
  readonly address: number;
  /** bEndpointAddress bits 3..0 (2): what `transferIn`/`transferOut` take. */
  readonly number: number;
  readonly packetSize: number;
}

/** CCID 1.1 §5.2–5.3: a CCID interface with its class descriptor and its pipes. */
export interface CcidInterface {
  readonly interfaceNumber: number;
  readonly alternateSetting: number;
  /** 0x0B, or 0xFF for a vendor-class interface that carries a CCID class descriptor. */
  readonly interfaceClass: number;
  readonly descriptor: CcidClassDescriptor;
  readonly bulkIn: CcidEndpoint;
  readonly bulkOut: CcidEndpoint;
  /** Absent on readers that only support polling with GetSlotStatus (CCID 1.1 §5.2.3 optional). */
  readonly interruptIn: CcidEndpoint | null;
}

interface Pending {
  interfaceNumber: number;
  alternateSetting: number;
  interfaceClass: number;
  offset: number;
  descriptor: CcidClassDescriptor | null;
  bulkIn: CcidEndpoint | null;
  bulkOut: CcidEndpoint | null;
  interruptIn: CcidEndpoint | null;
}

const SOURCE = 'USB configuration descriptor';

/**
 * CCID 1.1 §5.1–5.3 over USB 2.0 §9.6.3: walks a whole configuration descriptor (as
 * GET_DESCRIPTOR(CONFIGURATION) returns it) by bLength/bDescriptorType and returns every interface
 * that speaks CCID: class 0x0B, or vendor class 0xFF carrying a 54-byte type-0x21 descriptor. The
 * class descriptor is accepted before or after the endpoints, as readers put it in either place.
 */
export function findCcidInterfaces(configuration: Uint8Array): CcidInterface[] {
  const head = new ByteReader(configuration, SOURCE);
  if (head.remaining < 9) throw head.error(`a configuration descriptor needs 9 bytes, got ${head.remaining}`);
  head.skip(1);
  if (head.u8() !== CONFIGURATION) throw new MalformedDataError(SOURCE, 1, 'not a configuration descriptor (type 2)');
  const totalLength = readU16le(head);
  if (totalLength > configuration.length) {
    throw new MalformedDataError(SOURCE, 2, `wTotalLength ${totalLength} but only ${configuration.length} bytes were read`);
  }
  const reader = new ByteReader(configuration.subarray(0, totalLength), SOURCE);
  const found: CcidInterface[] = [];
  let current: Pending | null = null;
  while (!reader.atEnd) {
    const offset = reader.offset;
    const length = reader.peek();
    if (length < 2) throw reader.error(`descriptor bLength ${length} is too short to move on`);
    const body = reader.sub(length);
    body.skip(1);
    const type = body.u8();
    if (type === INTERFACE) {
      if (current) found.push(...finish(current));
      current = readInterface(body, offset);
    } else if (type === ENDPOINT && current) {
      readEndpoint(body, current);
    } else if (type === CCID_CLASS_DESCRIPTOR_TYPE && current) {
      const isCcid = current.interfaceClass === CCID_INTERFACE_CLASS;
      const isVendorCcid = current.interfaceClass === VENDOR_INTERFACE_CLASS && length === CCID_CLASS_DESCRIPTOR_LENGTH;
      if (isCcid || isVendorCcid) current.descriptor = parseCcidClassDescriptor(new ByteReader(body.view(offset, offset + length), SOURCE, offset));
    }
  }
  if (current) found.push(...finish(current));
  return found;
}

function readInterface(body: ByteReader, offset: number): Pending {
  const interfaceNumber = body.u8();
  const alternateSetting = body.u8();
  body.skip(1); // bNumEndpoints: we count what follows instead of trusting it
  const interfaceClass = body.u8();
  return { interfaceNumber, alternateSetting, interfaceClass, offset, descriptor: null, bulkIn: null, bulkOut: null, interruptIn: null };
}

function readEndpoint(body: ByteReader, into: Pending): void {
  const address = body.u8();
  const attributes = body.u8();
  const packetSize = readU16le(body) & 0x07ff; // bits 12..11 are high-speed extra transactions
  const endpoint: CcidEndpoint = { address, number: address & 0x0f, packetSize };
  const isIn = (address & 0x80) !== 0;
  switch (attributes & 0x03) {
    case 0x02:
      if (isIn) into.bulkIn ??= endpoint;
      else into.bulkOut ??= endpoint;
      break;
    case 0x03:
      if (isIn) into.interruptIn ??= endpoint;
      break;
  }
}

function finish(pending: Pending): CcidInterface[] {
  const error = (reason: string) => new MalformedDataError(SOURCE, pending.offset, reason);
  if (!pending.descriptor) {
    // A class-0x0B interface without its class descriptor cannot be driven; a vendor one is simply not CCID.
    if (pending.interfaceClass === CCID_INTERFACE_CLASS) throw error(`interface ${pending.interfaceNumber} is class 0x0B but has no CCID class descriptor`);
    return [];
  }
  if (!pending.bulkIn || !pending.bulkOut) throw error(`CCID interface ${pending.interfaceNumber} lacks a bulk-IN or bulk-OUT endpoint`);
  return [
    {
      interfaceNumber: pending.interfaceNumber,
      alternateSetting: pending.alternateSetting,
      interfaceClass: pending.interfaceClass,
      descriptor: pending.descriptor,
      bulkIn: pending.bulkIn,
      bulkOut: pending.bulkOut,
      interruptIn: pending.interruptIn,
    },
  ];
}
