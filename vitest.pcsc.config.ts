import { defineConfig } from 'vitest/config';

/**
 * The OpenSC-against-the-simulator tests (`npm run test:pcsc`): real pcscd + vpcd + OpenSC from
 * Debian talk to our simulated card (docs/test-rigs.md §A), and the loopback-only check of that rig.
 * Separate from the unit tests because they install Debian packages when missing and start their
 * own pcscd (in a network namespace of its own, owning /run/pcscd), so they run one file at a
 * time, in one process, with room for a first-time `apt-get install`.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.pcsc.test.ts', 'bridge/**/*.pcsc.test.ts'],
    environment: 'node',
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { concurrent: false },
    testTimeout: 60_000,
    hookTimeout: 300_000,
    teardownTimeout: 30_000,
  },
});
