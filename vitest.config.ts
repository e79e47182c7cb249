import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [preact()],
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // The benchmark's smoke run has its own stage after the e2e suite (project `smoke`).
          exclude: ['test/e2e/bench-smoke.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One Chromium at a time: 2 cores, and each file launches its own browser.
          fileParallelism: false,
          // A failed e2e test runs once more before it counts. Known flake, root cause not found: in full runs
          // on this shared 2-core machine an extension page now and then shows raw i18n keys or its first
          // query times out (3 of the last 6 full runs, one test each; never in isolation).
          retry: 1,
        },
      },
      {
        extends: true,
        test: {
          name: 'smoke',
          include: ['test/e2e/bench-smoke.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          // `npm run bench` (scripts/bench.mjs builds first). Figures measure; they never assert timings.
          name: 'bench',
          include: ['bench/**/*.bench-run.ts'],
          testTimeout: 900_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
