import path from 'node:path'
import { defineConfig } from 'vitest/config'

const resolve = {
  alias: {
    '@': path.resolve(import.meta.dirname, 'src'),
    'server-only': path.resolve(import.meta.dirname, 'src/test/server-only.ts'),
  },
}

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.integration.test.ts', 'node_modules/**'],
          // One module graph for every unit file: half the CPU of loading it again for each of
          // them (97 → 49 s). A test that mocks a module loads a fresh copy of what it tests
          // (vi.resetModules, vi.doMock); env and timers are restored after each test.
          isolate: false,
          // Property tests (hundreds of runs) must not fail on a busy machine: tests never time
          // things. A bound on a hang: on CI's 2 shared cores a test can take 5 times as long.
          testTimeout: 300_000,
        },
      },
      {
        resolve,
        test: {
          name: 'integration',
          environment: 'node',
          include: [
            'src/**/*.integration.test.ts',
            'app/**/*.integration.test.ts',
            'scripts/**/*.integration.test.ts',
          ],
          // One migrated template database per run; every test file gets its own copy.
          globalSetup: ['src/test/global-setup.ts'],
          setupFiles: ['src/test/database-per-file.ts'],
          // Bounds on a hang, not speeds: npm test runs these beside the end-to-end runs on 2
          // shared cores, where a test can take 5 times as long as on a quiet machine.
          testTimeout: 300_000,
          hookTimeout: 300_000,
          pool: 'forks',
        },
      },
    ],
  },
})
