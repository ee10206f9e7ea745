/**
 * `npm run simulator:pcsc [-- --holder child] [-- --personality <id>]`: puts the simulated My
 * Number Card into vpcd's reader `Virtual PCD 00 00`, so any PC/SC program on this machine (OpenSC,
 * pcsc_scan, a browser's smart-card stack) sees it like a card in a reader, behind the ATR of the
 * card personality chosen (src/simulator/cardPersonalities.ts; `--help` lists them). Runs until Ctrl-C.
 *
 * Starts its own `pcscd -f`, loopback-only (vpcd in a network namespace whose only interface is
 * lo, see scripts/pcsc/isolatedPcscd.ts), and stops exactly those PIDs on exit. Needs Debian's
 * pcscd and vsmartcard-vpcd; says how to install them if absent.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CARD_PERSONALITIES,
  CARD_PERSONALITY_IDS,
  DEFAULT_CARD_PERSONALITY,
  SimulatedCard,
  isCardPersonalityId,
  loadPersonalisation,
  type CardPersonalityId,
} from '../src/simulator';
import type { PinValues } from '../src/simulator/personalisation/Personalisation';
import { MissingPcscPackagesError, startPcscRig } from './pcsc/rig';

const HOLDERS = ['adult', 'child'] as const;
type Holder = (typeof HOLDERS)[number];

/** `--help`: the options, and every card personality with what its ATR or ATQB says. */
function usage(): string {
  return [
    'usage: npm run simulator:pcsc [-- --holder adult|child] [--personality <id>]',
    '',
    `  --holder        whose card: ${HOLDERS.join(', ')} (default adult)`,
    `  --personality   which card's ATR the reader reports (default ${DEFAULT_CARD_PERSONALITY}); the same applets answer behind each.`,
    '                  The My Number Card ATRs and ATQBs of pcsc-tools\' smartcard_list.txt; a contactless one',
    '                  shows the ATR a PC/SC contactless reader makes from its ATQB:',
    ...CARD_PERSONALITY_IDS.map((id) => `    ${id.padEnd(20)}${CARD_PERSONALITIES[id].summary}`),
  ].join('\n');
}

function parseOptions(): { holder: Holder; personality: CardPersonalityId } {
  const { values } = parseArgs({
    options: {
      holder: { type: 'string', default: 'adult' },
      personality: { type: 'string', default: DEFAULT_CARD_PERSONALITY },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage());
    process.exit(0);
  }
  const holder = values.holder;
  if (!HOLDERS.includes(holder as Holder)) {
    console.error(`--holder must be one of ${HOLDERS.join(', ')}, got "${holder}"`);
    process.exit(2);
  }
  const personality = values.personality;
  if (!isCardPersonalityId(personality)) {
    console.error(`--personality must be one of ${CARD_PERSONALITY_IDS.join(', ')}, got "${personality}" (see --help)`);
    process.exit(2);
  }
  return { holder: holder as Holder, personality };
}

/** The card's credentials, labelled as on docs/card-reference.md §10. */
function pinLines(pins: PinValues): string[] {
  return [
    `  JPKI user-authentication PIN (EF 0018): ${pins.jpkiAuth}`,
    `  JPKI signature password (EF 001B):      ${pins.jpkiSign ?? '(none: holder under 15, no signature key)'}`,
    `  Text AP PIN (券面事項入力補助):          ${pins.textPin}`,
    `  照合番号A (My Number):                   ${pins.pinA}`,
    `  照合番号B (birth date + expiry + code):  ${pins.pinB}`,
    `  Visual AP birth-date key:               ${pins.birthKey}`,
    `  共通カードAP PIN:                        ${pins.commonPin}`,
    `  住基AP PIN:                              ${pins.jukiPin}`,
  ];
}

async function main(): Promise<void> {
  const { holder, personality } = parseOptions();
  const personalisation = await loadPersonalisation(holder);
  const card = new SimulatedCard(personalisation, { atr: CARD_PERSONALITIES[personality].atr });
  const workDir = mkdtempSync(join(tmpdir(), 'mynalens-simulator-pcsc-'));

  // Set once Ctrl-C arrives, so the bridge's own close is not reported as a lost connection.
  let stopping = false;
  let rig;
  try {
    rig = await startPcscRig(card, {
      workDir,
      onEvent: (event) => {
        if (event.type === 'disconnected' && !stopping) console.log(`vpcd connection lost (${event.reason}); reconnecting…`);
        if (event.type === 'protocol-error') console.error(`vpcd protocol error: ${event.message}`);
      },
    });
  } catch (error) {
    rmSync(workDir, { recursive: true, force: true });
    if (error instanceof MissingPcscPackagesError) {
      console.error(`simulator:pcsc needs Debian's PC/SC packages. ${error.message}`);
    } else {
      console.error(`simulator:pcsc could not start: ${error instanceof Error ? error.message : String(error)}`);
    }
    process.exit(1);
  }
  const running = rig;

  const pcscd =
    `started pcscd (PID ${running.pcscd.pid}, log ${running.pcscd.logFile}) in a network namespace of its own: ` +
    `vpcd is reachable from this machine's loopback only, through ${running.bridge.socketPath ?? '?'}; it stops when this does`;
  console.log(
    [
      `The simulated ${holder} card (${personalisation.holder.name}) is in the reader "${running.readerName}".`,
      `Card personality ${personality}: ${CARD_PERSONALITIES[personality].summary}.`,
      pcscd,
      '',
      'Credentials (fictional test card):',
      ...pinLines(personalisation.pins),
      '',
      'Try, in another terminal:',
      '  opensc-tool -l                      # the reader, Card: Yes',
      '  opensc-tool -n                      # jpki',
      '  pkcs15-tool --list-certificates',
      `  pkcs15-tool --list-pins`,
      `  pkcs15-tool --read-certificate 01   # the user-authentication certificate, PEM`,
      '  pcsc_scan -t 3',
      '',
      'Ctrl-C takes the card out and stops what this started.',
    ].join('\n'),
  );

  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: taking the card out…`);
    running
      .stop()
      .then(() => {
        rmSync(workDir, { recursive: true, force: true });
        console.log(`done (${running.bridge.apduCount} APDUs answered).`);
        process.exit(0);
      })
      .catch((error: unknown) => {
        console.error(`could not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`simulator:pcsc: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
