/**
 * `npm run bridge [-- options]`: the MynaLens bridge. Lets the MynaLens web app use every reader
 * the operating system's PC/SC service knows (WinSCard, PCSC.framework, pcsc-lite) through a
 * WebSocket on 127.0.0.1. Prints a one-time pairing code; the app asks for it once.
 *
 *   --port N           where to listen on 127.0.0.1 (default 27436, the one the app's CSP allows)
 *   --origin URL       a page origin allowed to connect (repeat; replaces the defaults)
 *   --log-apdus        write APDU bytes to the log (PIN bytes are always shown as **)
 *   --state-file PATH  where the pairing is kept (default: the user's config directory)
 *   --library PATH     the PC/SC library to load instead of the system's
 */

import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BRIDGE_DEFAULT_PORT } from '../src/platform/bridgeProtocol';
import { loadPcscLibrary } from './pcsc/koffiPcsc';
import { PcscClient } from './pcsc/PcscClient';
import { BridgeServer } from './server/BridgeServer';
import { Pairing, fileStore } from './server/Pairing';

/** The app's own origins: the dev server and `vite preview`, by IP and by name. */
export const DEFAULT_ORIGINS = ['http://127.0.0.1:5173', 'http://localhost:5173', 'http://127.0.0.1:4173', 'http://localhost:4173'];

function defaultStateFile(): string {
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'mynalens-bridge', 'pairing.json');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'mynalens-bridge', 'pairing.json');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'mynalens-bridge', 'pairing.json');
}

/** An origin as browsers send it: scheme://host[:port], nothing after. */
function checkOrigin(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new Error(`--origin ${origin} is not a URL`);
  }
  if (url.origin !== origin) throw new Error(`--origin ${origin}: give the origin only, e.g. ${url.origin}`);
  return origin;
}

const say = (line: string): void => void process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: String(BRIDGE_DEFAULT_PORT) },
      origin: { type: 'string', multiple: true },
      'log-apdus': { type: 'boolean', default: false },
      'state-file': { type: 'string' },
      library: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    say('usage: npm run bridge [-- --port N] [--origin URL ...] [--log-apdus] [--state-file PATH] [--library PATH]');
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 0xffff) throw new Error(`--port must be 0…65535, got ${values.port}`);
  const origins = (values.origin ?? DEFAULT_ORIGINS).map(checkOrigin);

  let library;
  try {
    library = loadPcscLibrary(values.library);
  } catch (error) {
    throw new Error(
      `could not load the PC/SC library (${error instanceof Error ? error.message : String(error)}). ` +
        'Linux: install pcscd and libpcsclite1 (Debian/Ubuntu: sudo apt-get install pcscd libpcsclite1); Windows and macOS have it built in.',
      { cause: error },
    );
  }
  const stateFile = values['state-file'] ?? defaultStateFile();
  const pairing = new Pairing({
    store: fileStore(stateFile),
    onNewCode: (code) => say(`Pairing code (enter it once in MynaLens): ${code}`),
  });
  const log = (line: string): void => say(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
  const server = new BridgeServer({ pcsc: new PcscClient(library), pairing, allowedOrigins: origins, port, logApdus: values['log-apdus'], log });
  const listening = await server.listen();
  say(`MynaLens bridge on ws://127.0.0.1:${listening}/ (this computer only)`);
  say(`Pages allowed: ${origins.join(', ')}`);
  say(pairing.pairedOrigin ? `Paired with ${pairing.pairedOrigin} (pairing kept in ${stateFile})` : 'Not paired yet.');
  say(values['log-apdus'] ? 'APDU bytes are logged (PIN bytes as **).' : 'APDU bytes are not logged (add --log-apdus to see them).');
  say('Ctrl-C stops the bridge.');

  const stop = (signal: string): void => {
    log(`${signal}: stopping; cards are reset and released`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`bridge: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
