import { userInfo } from 'node:os'
import type { DatabaseTarget } from '../db/adapter'
import { withConnection } from '../backup/sql-connection'
import type { AuditAction } from './actions'

/**
 * An audit entry for what an operator did from the command line (backups, restores), where
 * no one is signed in: the actor is the operating-system account that ran the command. Plain
 * SQL, like the backup itself, so that it works while no app process holds the database.
 */
export async function recordOperatorEvent(
  target: DatabaseTarget,
  { action, detail }: { action: AuditAction; detail: string },
): Promise<void> {
  const operator = `${safeUsername()} (command line)`
  await withConnection(target, (connection) =>
    connection.query(`INSERT INTO "AuditEvent" ("actorName", "action", "detail") VALUES ($1, $2, $3)`, [
      operator,
      action,
      detail,
    ]),
  )
}

function safeUsername() {
  try {
    return userInfo().username
  } catch {
    return process.env.USER ?? 'unknown'
  }
}
