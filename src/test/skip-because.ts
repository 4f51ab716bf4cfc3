import type { TestContext } from 'vitest'

declare module 'vitest' {
  interface TaskMeta {
    /** Why the test skipped itself; npm test lists it (scripts/test.ts). */
    skipReason?: string
  }
}

/**
 * Skips the running test and records why. npm test counts and lists it with the reason; a
 * test skipped in any other way counts as a test that did not run, and fails the run.
 */
export function skipBecause(context: TestContext, reason: string): never {
  context.task.meta.skipReason = reason
  return context.skip(reason)
}
