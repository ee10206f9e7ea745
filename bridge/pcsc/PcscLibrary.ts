/**
 * The PC/SC functions the bridge calls, one for one as the C API declares them (pcsc-lite
 * `winscard.h`; Windows `SCard…A`; macOS PCSC.framework), with C's output parameters as
 * one-element arrays and buffers as `Uint8Array`. Every call is asynchronous because the real
 * one runs on a worker thread (`SCardGetStatusChange` and `SCardTransmit` block). The seam
 * between the FFI (`koffiPcsc.ts`) and the logic (`PcscClient.ts`), so the logic is tested
 * against a fake library that returns any PC/SC code.
 */

/** SCARDCONTEXT / SCARDHANDLE: an integer the library hands out (a BigInt where it is pointer-sized). */
export type PcscHandleValue = number | bigint;

/** `SCARD_READERSTATE`: in with `szReader` and `dwCurrentState`, out with the rest filled. */
export interface PcscReaderState {
  szReader: string;
  dwCurrentState: number;
  dwEventState: number;
  cbAtr: number;
  rgbAtr: Uint8Array | number[];
}

export interface PcscLibrary {
  /** The platform's largest ATR (`MAX_ATR_SIZE`: 33 in pcsc-lite and macOS, 36 on Windows). */
  readonly maxAtrSize: number;
  /** `SCARD_PROTOCOL_RAW` on this platform (4 in pcsc-lite and macOS, 0x10000 on Windows). */
  readonly protocolRaw: number;
  SCardEstablishContext(scope: number, context: [PcscHandleValue]): Promise<number>;
  SCardReleaseContext(context: PcscHandleValue): Promise<number>;
  /** `readers` null asks for the length (in chars, with the final double NUL) in `length`. */
  SCardListReaders(context: PcscHandleValue, readers: Uint8Array | null, length: [number]): Promise<number>;
  SCardGetStatusChange(context: PcscHandleValue, timeoutMs: number, states: PcscReaderState[]): Promise<number>;
  SCardCancel(context: PcscHandleValue): Promise<number>;
  SCardConnect(
    context: PcscHandleValue,
    reader: string,
    shareMode: number,
    preferredProtocols: number,
    card: [PcscHandleValue],
    activeProtocol: [number],
  ): Promise<number>;
  /** `response` is the receive buffer; `responseLength` in: its size, out: the bytes written. */
  SCardTransmit(card: PcscHandleValue, protocol: number, command: Uint8Array, response: Uint8Array, responseLength: [number]): Promise<number>;
  SCardStatus(
    card: PcscHandleValue,
    readerName: Uint8Array,
    readerNameLength: [number],
    state: [number],
    protocol: [number],
    atr: Uint8Array,
    atrLength: [number],
  ): Promise<number>;
  SCardDisconnect(card: PcscHandleValue, disposition: number): Promise<number>;
}
