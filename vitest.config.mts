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
          // Property tests (hundreds of runs) must not fail on a busy machine: tests never time things.
          testTimeout: 30_000,
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
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
    ],
  },
})
