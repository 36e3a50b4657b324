import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'main',
          environment: 'node',
          include: ['src/main/**/*.test.ts', 'src/shared/**/*.test.ts', 'src/cli/**/*.test.ts', 'src/web/**/*.test.ts', 'src/release/**/*.test.ts', 'src/preload/**/*.test.ts', 'db/**/*.test.ts', 'test/**/*.test.ts', 'cloud/**/*.test.ts'],
          // One SQLite writer per test file; files run in parallel processes.
          pool: 'forks',
          testTimeout: 30_000,
          // Starting PGlite or a cloud in beforeAll takes seconds, many more on a busy machine.
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['src/renderer/**/*.test.{ts,tsx}'],
          // Some screens talk to a real cloud started in a child process: slow on a busy machine.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
