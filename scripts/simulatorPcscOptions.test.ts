import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CARD_PERSONALITIES, CARD_PERSONALITY_IDS } from '../src/simulator';

/** `npm run simulator:pcsc -- --help` and a wrong `--personality`: neither starts pcscd (issue 15 §1). */
const run = (...args: string[]) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/simulator-pcsc.ts', ...args]).then(
    ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

describe('simulator:pcsc options', () => {
  it('--help lists every card personality with what its ATR or ATQB says', async () => {
    const { code, stdout } = await run('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('--personality');
    for (const id of CARD_PERSONALITY_IDS) expect(stdout).toContain(`${id.padEnd(20)}${CARD_PERSONALITIES[id].summary}`);
  });

  it('an unknown personality is refused with the list, exit code 2', async () => {
    const { code, stderr } = await run('--personality', 'acme-chip');
    expect(code).toBe(2);
    expect(stderr).toContain(`--personality must be one of ${CARD_PERSONALITY_IDS.join(', ')}, got "acme-chip"`);
  });
});
