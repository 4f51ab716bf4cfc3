import 'server-only'
import pg from 'pg'
import { db, type Tx } from '../db'
import { databaseTarget } from '../env'

/*
 * Live edits between app instances on one server Postgres (WEB_CONCURRENCY, several machines):
 * NOTIFY on one channel, no Redis. A stored update is announced by its row id (NOTIFY payloads
 * stop at 8,000 bytes; an update can be larger), presence by its bytes (a few hundred). The
 * embedded database serves one process: there is nothing to relay, and no listener.
 */

const CHANNEL = 'hindsight_collab'

export type RelayMessage =
  | { kind: 'update'; postmortemId: string; id: string; from: string }
  | { kind: 'presence'; postmortemId: string; presence: string; from: string }

/**
 * Announces a message to every instance (this one included: it skips its own by `from`); in a
 * transaction, when it commits.
 */
export async function announce(message: RelayMessage, tx: Tx = db) {
  await tx.$executeRaw`SELECT pg_notify(${CHANNEL}, ${JSON.stringify(message)})`
}

export type Listener = { close(): Promise<void> }

/**
 * Listens for other instances' messages on its own connection, and reconnects after losing it
 * (`onConnect` runs then too: what was missed meanwhile must be caught up). Null on the embedded
 * database.
 */
export function listen(onMessage: (message: RelayMessage) => void, onConnect: () => void): Listener | null {
  const target = databaseTarget()
  if (target.kind !== 'postgres') return null
  let client: pg.Client | null = null
  let closed = false
  let retry: ReturnType<typeof setTimeout> | undefined
  const connect = async () => {
    const next = new pg.Client({ connectionString: target.url })
    next.on('error', () => reconnect(next))
    next.on('end', () => reconnect(next))
    next.on('notification', ({ payload }) => {
      try {
        if (payload) onMessage(JSON.parse(payload) as RelayMessage)
      } catch {
        // Not ours: something else wrote on the channel.
      }
    })
    try {
      await next.connect()
      await next.query(`LISTEN ${CHANNEL}`)
    } catch {
      return reconnect(next)
    }
    if (closed) return void next.end().catch(() => {})
    client = next
    onConnect()
  }
  const reconnect = (lost: pg.Client) => {
    if (client && client !== lost) return
    client = null
    void lost.end().catch(() => {})
    if (!closed && !retry) retry = setTimeout(() => ((retry = undefined), void connect()), 1_000)
  }
  void connect()
  return {
    async close() {
      closed = true
      clearTimeout(retry)
      await client?.end().catch(() => {})
    },
  }
}
