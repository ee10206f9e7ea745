import { test, expect } from './support/test';
import { enterPin, openPin, scanCard, startSimulator, submitPin } from './support/flows';

/** The default holder's visual-AP credentials (README, "The default holder's PINs"). */
const VISUAL_PIN_A = '123456789018';
const VISUAL_PIN_B = '60061220354821';

test('PIN columns say what the access rule opens; "This session" says what was read, after every PIN that opened it', async ({ page }) => {
  await startSimulator(page);
  await scanCard(page);

  // A free file read with no PIN: read in the no-PIN column, only "readable" under a PIN nobody entered.
  await expect(page.getByTestId('cell-jpki/000A-none')).toHaveAttribute('data-cell', 'read');
  await expect(page.getByTestId('cell-jpki/000A-jpkiSign')).toHaveAttribute('data-cell', 'readable');
  await expect(page.getByTestId('cell-jpki/000A-jpkiSign')).not.toContainText('✓');
  await expect(page.getByTestId('status-jpki/000A')).toHaveText('read with no PIN');

  await openPin(page, 'visualPinA');
  await submitPin(page, VISUAL_PIN_A);
  await expect(page.getByTestId('pin-opened')).toContainText('This session');
  await expect(page.getByTestId('status-visual/0002')).toHaveText('read after PIN-A');

  await enterPin(page, 'visualPinB', VISUAL_PIN_B);

  // The card face opens with either PIN and was read after both: both are named, PIN-A is not overwritten.
  await expect(page.getByTestId('status-visual/0002')).toHaveText('read after PIN-A and PIN-B');
  await expect(page.getByTestId('status-visual/0002')).toHaveAttribute('data-opened-by', 'visualPinA visualPinB');
  // 0005 opens with PIN-A only: PIN-B did not touch it.
  await expect(page.getByTestId('status-visual/0005')).toHaveText('read after PIN-A');
  // The PIN columns still state the rule, not the reads.
  await expect(page.getByTestId('cell-visual/0002-visualPinA')).toHaveAttribute('data-cell', 'readable');
  await expect(page.getByTestId('cell-visual/0002-visualPinB')).toHaveAttribute('data-cell', 'readable');
  await expect(page.getByTestId('cell-visual/0005-visualPinB')).toHaveAttribute('data-cell', 'locked');
  await expect(page.getByTestId('cell-visual/0002-none')).toHaveAttribute('data-cell', 'locked');
});

test('in Japanese the session column lists every PIN that opened the file', async ({ page }) => {
  await startSimulator(page, { language: 'ja' });
  await scanCard(page);
  await expect(page.getByTestId('status-jpki/000A')).toHaveText('暗証番号なしで読取');
  for (const [pinId, pin] of [['visualPinA', VISUAL_PIN_A], ['visualPinB', VISUAL_PIN_B]] as const) {
    await enterPin(page, pinId, pin);
  }
  await expect(page.getByTestId('status-visual/0002')).toHaveText('照合番号A、照合番号B で読取');
});
