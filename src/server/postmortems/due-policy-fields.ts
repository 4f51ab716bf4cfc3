import type { Severity } from './severity'

/** The admin form's field names for one severity's policy (without zod, for the form itself). */
export const duePolicyFields = (severity: Severity) =>
  ({ days: `${severity}-days`, evidence: `${severity}-evidence` }) as const
