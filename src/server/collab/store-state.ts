import 'server-only'
import * as Y from 'yjs'
import type { Tx } from '../db'

/** Versions kept behind the latest: a PUT based on an older one is answered with a conflict. */
export const KEPT_STATES = 100

/**
 * Records that a state of the shared document (`Y.snapshot(ydoc)`) reads as `version` of the
 * postmortem, so that a write based on that version can later be merged from it
 * (`applyDocumentSince`).
 */
export async function storeState(
  tx: Tx,
  { postmortemId, version, state }: { postmortemId: string; version: number; state: Y.Snapshot },
) {
  const snapshot = new Uint8Array(Y.encodeSnapshot(state))
  await tx.documentState.upsert({
    where: { postmortemId_version: { postmortemId, version } },
    create: { postmortemId, version, snapshot },
    update: { snapshot },
  })
  await tx.documentState.deleteMany({ where: { postmortemId, version: { lte: version - KEPT_STATES } } })
}

/** The state recorded for a version, or null when none is (any more). */
export async function loadState(
  tx: Tx,
  { postmortemId, version }: { postmortemId: string; version: number },
) {
  const row = await tx.documentState.findUnique({
    where: { postmortemId_version: { postmortemId, version } },
    select: { snapshot: true },
  })
  return row ? Y.decodeSnapshot(row.snapshot) : null
}
