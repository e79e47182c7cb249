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
          // The benchmark's smoke run and the Firefox suite have their own stages (projects `smoke`, `firefox`).
          exclude: ['test/e2e/bench-smoke.test.ts', 'test/e2e/firefox*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One Chromium at a time: 2 cores, and each file launches its own browser.
          fileParallelism: false,
          // No retry: a test that fails once is a failure (issue 20).
        },
      },
      {
        extends: true,
        test: {
          // Firefox (firefox-esr over WebDriver BiDi, puppeteer-core): test/e2e/firefox-harness.ts.
          name: 'firefox',
          include: ['test/e2e/firefox*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
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
          // ~6 min on an idle 2-core machine; a shared one under load (load average 20) needs far longer.
          testTimeout: 2_400_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
