/**
 * The OS's PC/SC library through koffi (prebuilt binaries for Windows, macOS and Linux: nothing
 * to compile on the user's machine): libpcsclite.so.1 on Linux, WinSCard.dll on Windows,
 * PCSC.framework on macOS. Types follow each system's headers:
 *
 * - pcsc-lite (Linux, BSD): DWORD is `unsigned long`, LONG and SCARDCONTEXT are `long` (64-bit
 *   on 64-bit Linux); MAX_ATR_SIZE 33; SCARD_PROTOCOL_RAW 4.
 * - Windows: DWORD and LONG are 32-bit, SCARDCONTEXT and SCARDHANDLE are ULONG_PTR; the string
 *   functions are the `…A` variants; MAX_ATR_SIZE 36; SCARD_PROTOCOL_RAW 0x10000.
 * - macOS: DWORD and LONG are 32-bit (uint32_t / int32_t), SCARDCONTEXT is int32_t, and
 *   SCARD_READERSTATE and SCARD_IO_REQUEST are packed to 1 byte (`#pragma pack(1)` in Apple's
 *   pcsclite.h). Not exercised on a Mac yet (README).
 *
 * Every function is called with koffi's `.async` so a blocking PC/SC call runs on a worker
 * thread and the bridge keeps answering.
 */

import koffi from 'koffi';
import type { PcscHandleValue, PcscLibrary, PcscReaderState } from './PcscLibrary';

interface PlatformTypes {
  readonly path: string;
  readonly suffix: '' | 'A';
  readonly dword: string;
  readonly long: string;
  readonly handle: string;
  readonly maxAtrSize: number;
  readonly protocolRaw: number;
  readonly packed: boolean;
}

/** What each OS calls its library and types. */
export function platformTypes(platform: NodeJS.Platform = process.platform, libraryPath?: string): PlatformTypes {
  if (platform === 'win32') {
    return { path: libraryPath ?? 'winscard.dll', suffix: 'A', dword: 'uint32_t', long: 'int32_t', handle: 'uintptr_t', maxAtrSize: 36, protocolRaw: 0x10000, packed: false };
  }
  if (platform === 'darwin') {
    return {
      path: libraryPath ?? '/System/Library/Frameworks/PCSC.framework/PCSC',
      suffix: '',
      dword: 'uint32_t',
      long: 'int32_t',
      handle: 'int32_t',
      maxAtrSize: 33,
      protocolRaw: 4,
      packed: true,
    };
  }
  return { path: libraryPath ?? 'libpcsclite.so.1', suffix: '', dword: 'unsigned long', long: 'long', handle: 'long', maxAtrSize: 33, protocolRaw: 4, packed: false };
}

/** A LONG return value as an unsigned 32-bit number (0x8010000A, never negative or a BigInt). */
function rvOf(value: unknown): number {
  return Number(BigInt.asUintN(32, BigInt(value as number | bigint)));
}

type AsyncFunction = { async: (...args: unknown[]) => void };

function call(fn: AsyncFunction, ...args: unknown[]): Promise<number> {
  return new Promise((resolve, reject) => {
    fn.async(...args, (error: unknown, result: unknown) => (error ? reject(error) : resolve(rvOf(result))));
  });
}

/** Loads the PC/SC library; throws if the OS has none (e.g. pcsc-lite not installed). */
export function loadPcscLibrary(libraryPath?: string): PcscLibrary {
  const t = platformTypes(process.platform, libraryPath);
  const lib = koffi.load(t.path);
  const fields = {
    szReader: 'const char *',
    pvUserData: 'void *',
    dwCurrentState: t.dword,
    dwEventState: t.dword,
    cbAtr: t.dword,
    rgbAtr: koffi.array('uint8_t', t.maxAtrSize, 'Typed'),
  };
  const ioFields = { dwProtocol: t.dword, cbPciLength: t.dword };
  const readerState = t.packed ? koffi.pack('SCARD_READERSTATE', fields) : koffi.struct('SCARD_READERSTATE', fields);
  const ioRequest = t.packed ? koffi.pack('SCARD_IO_REQUEST', ioFields) : koffi.struct('SCARD_IO_REQUEST', ioFields);
  const declare = lib.func as unknown as (name: string, result: string, params: unknown[]) => AsyncFunction;
  const fn = (name: string, result: string, params: unknown[]): AsyncFunction => declare.call(lib, name, result, params);
  const { dword, long, handle } = t;
  const out = (type: string) => koffi.out(koffi.pointer(type));

  const establish = fn('SCardEstablishContext', long, [dword, 'void *', 'void *', out(handle)]);
  const release = fn('SCardReleaseContext', long, [handle]);
  const list = fn(`SCardListReaders${t.suffix}`, long, [handle, 'const char *', koffi.out(koffi.pointer('uint8_t')), koffi.inout(koffi.pointer(dword))]);
  const statusChange = fn(`SCardGetStatusChange${t.suffix}`, long, [handle, dword, koffi.inout(koffi.pointer(readerState)), dword]);
  const cancel = fn('SCardCancel', long, [handle]);
  const connect = fn(`SCardConnect${t.suffix}`, long, [handle, 'const char *', dword, dword, out(handle), out(dword)]);
  const transmit = fn('SCardTransmit', long, [
    handle,
    koffi.pointer(ioRequest),
    'const uint8_t *',
    dword,
    koffi.inout(koffi.pointer(ioRequest)),
    koffi.out(koffi.pointer('uint8_t')),
    koffi.inout(koffi.pointer(dword)),
  ]);
  const status = fn(`SCardStatus${t.suffix}`, long, [
    handle,
    koffi.out(koffi.pointer('uint8_t')),
    koffi.inout(koffi.pointer(dword)),
    out(dword),
    out(dword),
    koffi.out(koffi.pointer('uint8_t')),
    koffi.inout(koffi.pointer(dword)),
  ]);
  const disconnect = fn('SCardDisconnect', long, [handle, dword]);

  return {
    maxAtrSize: t.maxAtrSize,
    protocolRaw: t.protocolRaw,
    SCardEstablishContext: (scope, context) => call(establish, scope, null, null, context),
    SCardReleaseContext: (context) => call(release, context),
    SCardListReaders: (context, readers, length) => call(list, context, null, readers, length),
    SCardGetStatusChange: async (context: PcscHandleValue, timeoutMs: number, states: PcscReaderState[]) => {
      const structs = states.map((s) => ({ ...s, pvUserData: null, rgbAtr: Uint8Array.from({ length: t.maxAtrSize }, (_, i) => s.rgbAtr[i] ?? 0) }));
      const rv = await call(statusChange, context, timeoutMs, structs, structs.length);
      structs.forEach((s, i) => Object.assign(states[i]!, { dwEventState: s.dwEventState, cbAtr: s.cbAtr, rgbAtr: s.rgbAtr }));
      return rv;
    },
    SCardCancel: (context) => call(cancel, context),
    SCardConnect: (context, reader, share, protocols, card, active) => call(connect, context, reader, share, protocols, card, active),
    SCardTransmit: (card, protocol, command, response, responseLength) =>
      call(
        transmit,
        card,
        { dwProtocol: protocol, cbPciLength: koffi.sizeof(ioRequest) },
        command,
        command.length,
        { dwProtocol: protocol, cbPciLength: koffi.sizeof(ioRequest) },
        response,
        responseLength,
      ),
    SCardStatus: (card, name, nameLength, state, protocol, atr, atrLength) => call(status, card, name, nameLength, state, protocol, atr, atrLength),
    SCardDisconnect: (card, disposition) => call(disconnect, card, disposition),
  };
}
