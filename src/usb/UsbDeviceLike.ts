/**
 * The part of WebUSB's `USBDevice` (WICG WebUSB, "The USBDevice Interface") that our CCID driver
 * uses, written structurally so that the real device, the simulator's fake reader and test doubles
 * all fit without a DOM type in sight. Types only: nothing here touches `navigator.usb`.
 */

/** WebUSB `USBDirection`. */
export type UsbDirectionLike = 'in' | 'out';

/** WebUSB `USBEndpointType`. */
export type UsbEndpointTypeLike = 'bulk' | 'interrupt' | 'isochronous';

/** WebUSB `USBTransferStatus`: a stall needs `clearHalt`, babble means the host buffer was too small. */
export type UsbTransferStatusLike = 'ok' | 'stall' | 'babble';

/** WebUSB `USBEndpoint`: `endpointNumber` carries no direction bit (USB 2.0 §9.6.6 bEndpointAddress bits 3..0). */
export interface UsbEndpointLike {
  readonly endpointNumber: number;
  readonly direction: UsbDirectionLike;
  readonly type: UsbEndpointTypeLike;
  readonly packetSize: number;
}

/** WebUSB `USBAlternateInterface`: class codes as in the interface descriptor (USB 2.0 §9.6.5). */
export interface UsbAlternateInterfaceLike {
  readonly alternateSetting: number;
  readonly interfaceClass: number;
  readonly interfaceSubclass: number;
  readonly interfaceProtocol: number;
  readonly interfaceName?: string | null;
  readonly endpoints: readonly UsbEndpointLike[];
}

/** WebUSB `USBInterface`. */
export interface UsbInterfaceLike {
  readonly interfaceNumber: number;
  readonly alternate: UsbAlternateInterfaceLike;
  readonly alternates: readonly UsbAlternateInterfaceLike[];
  readonly claimed: boolean;
}

/** WebUSB `USBConfiguration`. */
export interface UsbConfigurationLike {
  readonly configurationValue: number;
  readonly configurationName?: string | null;
  readonly interfaces: readonly UsbInterfaceLike[];
}

/** WebUSB `USBControlTransferParameters` (USB 2.0 §9.3 setup packet). */
export interface UsbControlTransferParametersLike {
  readonly requestType: 'standard' | 'class' | 'vendor';
  readonly recipient: 'device' | 'interface' | 'endpoint' | 'other';
  readonly request: number;
  readonly value: number;
  readonly index: number;
}

/** WebUSB `USBInTransferResult`: `data` is absent when nothing arrived (e.g. on a stall). */
export interface UsbInTransferResultLike {
  readonly data?: DataView | null;
  readonly status?: UsbTransferStatusLike;
}

/** WebUSB `USBOutTransferResult`. */
export interface UsbOutTransferResultLike {
  readonly bytesWritten: number;
  readonly status?: UsbTransferStatusLike;
}

/**
 * The structural subset of WebUSB `USBDevice` the CCID reader (CCID 1.1 §5: one bulk-OUT, one
 * bulk-IN, an optional interrupt-IN endpoint) needs: open, configure, claim, the three transfer
 * kinds, and `clearHalt` for a stalled bulk pipe.
 */
export interface UsbDeviceLike {
  readonly vendorId: number;
  readonly productId: number;
  readonly productName?: string | null;
  readonly manufacturerName?: string | null;
  readonly serialNumber?: string | null;
  readonly opened: boolean;
  readonly configuration: UsbConfigurationLike | null;
  readonly configurations: readonly UsbConfigurationLike[];
  open(): Promise<void>;
  close(): Promise<void>;
  selectConfiguration(configurationValue: number): Promise<void>;
  claimInterface(interfaceNumber: number): Promise<void>;
  releaseInterface(interfaceNumber: number): Promise<void>;
  controlTransferIn(setup: UsbControlTransferParametersLike, length: number): Promise<UsbInTransferResultLike>;
  transferIn(endpointNumber: number, length: number): Promise<UsbInTransferResultLike>;
  transferOut(endpointNumber: number, data: Uint8Array<ArrayBuffer>): Promise<UsbOutTransferResultLike>;
  clearHalt(direction: UsbDirectionLike, endpointNumber: number): Promise<void>;
}
