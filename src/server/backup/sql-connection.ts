import pg from 'pg'
import { openPGlite, type DatabaseTarget } from '../db/adapter'

/**
 * One plain SQL connection to either database, for operations that work below Prisma
 * (backup, restore, checks after a load test). Results are whatever the driver returns;
 * callers ask Postgres for text or JSON so that both drivers give the same values.
 */
export type SqlConnection = {
  kind: DatabaseTarget['kind']
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
  close(): Promise<void>
}

export async function connect(target: DatabaseTarget): Promise<SqlConnection> {
  if (target.kind === 'postgres') {
    const client = new pg.Client({ connectionString: target.url })
    await client.connect()
    return {
      kind: 'postgres',
      query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
      close: () => client.end(),
    }
  }
  const pglite = openPGlite(target.dataDir)
  await pglite.waitReady
  return {
    kind: 'pglite',
    query: async <T>(sql: string, params: unknown[] = []) => (await pglite.query<T>(sql, params)).rows,
    close: () => pglite.close(),
  }
}

/** Runs `fn` on a connection that is closed afterwards. */
export async function withConnection<T>(
  target: DatabaseTarget,
  fn: (connection: SqlConnection) => Promise<T>,
): Promise<T> {
  const connection = await connect(target)
  try {
    return await fn(connection)
  } finally {
    await connection.close()
  }
}
