import 'server-only'
import { db, type Tx } from '../db'
import type { Actor } from '../roles'
import { defaultDuePolicies, noPolicy, policiesOf, type DuePolicy } from './follow-through'
import type { Severity } from './schemas'

/** The policy that applies to a postmortem of this severity (none without a severity). */
export async function loadDuePolicy(
  client: Tx | typeof db,
  severity: Severity | null,
): Promise<{ dueDays: number | null; evidenceRequired: boolean }> {
  if (!severity) return noPolicy
  const row = await client.duePolicy.findUnique({
    where: { severity },
    select: { dueDays: true, evidenceRequired: true },
  })
  return row ?? defaultDuePolicies[severity]
}

export type DuePolicyView = DuePolicy & { updatedAt: Date | null; updatedBy: string | null }

/** Every severity's policy, as it applies now (defaults where no admin saved one). */
export async function findDuePolicies({ actor }: { actor: Actor }): Promise<DuePolicyView[]> {
  void actor // every role may read what due dates mean
  const rows = await db.duePolicy.findMany({
    select: {
      severity: true,
      dueDays: true,
      evidenceRequired: true,
      updatedAt: true,
      updatedBy: { select: { name: true } },
    },
  })
  return policiesOf(rows).map((policy) => {
    const row = rows.find((r) => r.severity === policy.severity)
    return {
      severity: policy.severity,
      dueDays: policy.dueDays,
      evidenceRequired: policy.evidenceRequired,
      updatedAt: row?.updatedAt ?? null,
      updatedBy: row?.updatedBy?.name ?? null,
    }
  })
}
