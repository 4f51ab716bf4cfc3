import type { CheckStatus } from './schemas'

export type ReadinessCheck = {
  id: string
  text: string
  required: boolean
  status: CheckStatus
  owner: { id: string; name: string } | null
}

export type Readiness = {
  ready: boolean
  counts: Record<'pass' | 'fail' | 'na' | 'waived' | 'pending', number>
  /** Required checks that are not PASS, NA or WAIVED, with who owns each. */
  blocking: ReadinessCheck[]
}

const settled: CheckStatus[] = ['PASS', 'NA', 'WAIVED']

/**
 * A launch is ready when it has a checklist and every required check is PASS, NA or WAIVED.
 * An empty checklist is not ready: a gate that passes with nothing checked checks nothing.
 */
export function readinessOf(checks: ReadinessCheck[]): Readiness {
  const counts = { pass: 0, fail: 0, na: 0, waived: 0, pending: 0 }
  for (const check of checks) counts[check.status.toLowerCase() as keyof typeof counts]++
  const blocking = checks.filter((c) => c.required && !settled.includes(c.status))
  return { ready: checks.length > 0 && blocking.length === 0, counts, blocking }
}

/** Checks without an owner: the review cannot start while there are any. */
export const unowned = (checks: Pick<ReadinessCheck, 'owner'>[]) => checks.filter((c) => !c.owner)
