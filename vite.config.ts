import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * One config for the app build and the unit tests.
 * Unit tests sit next to the code (`src/**\/*.test.ts`); the OpenSC test has its own config
 * (`vitest.pcsc.config.ts`) because it needs pcscd and vpcd on the machine.
 */
export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173 },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    exclude: ['**/*.pcsc.test.ts', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
    benchmark: { include: ['src/**/*.bench.ts'] },
  },
});
