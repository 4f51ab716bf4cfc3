import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { PrismaPg } from '@prisma/adapter-pg'
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { databaseTarget } from '../env'
import { assertNotInUse } from './embedded-in-use'

export type DatabaseTarget = ReturnType<typeof databaseTarget>

/**
 * The embedded database's pages are read through the page cache, where a random read costs about
 * what a sequential one does: random_page_cost 1.1 (the usual value for SSDs; Postgres assumes 4,
 * for spinning disks). With 4 the planner reads every postmortem's search vector rather than the
 * GIN index for terms in a few percent of them (the phrase 缓存未更新 at 10k: 63 → 23 ms). Search
 * finds the same candidates either way: both read the table in its physical order.
 */
const startParams = [...PGlite.defaultStartParams, '-c', 'random_page_cost=1.1']

/**
 * The one way an embedded database is opened. PGlite serves one process: a second one on the
 * same folder would corrupt it, so a folder another process holds is refused (DatabaseInUse).
 */
export function openPGlite(dataDir: string): PGlite {
  assertNotInUse(dataDir)
  return new PGlite({ dataDir, extensions: { pg_trgm }, startParams })
}

/**
 * Opens the folder on the first query, not when the client is created: `next build` loads the
 * database module in worker processes that never query, and a running Hindsight may hold it.
 *
 * pglite-prisma-adapter 0.7.2 does not await `exec()` in `executeScript`, so a failing
 * migration would be recorded as applied; and its shadow database lacks pg_trgm.
 * Both are fixed here (docs/decisions/001-offline-migrations.md).
 */
class PGliteFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres'
  readonly adapterName = 'pglite-prisma-adapter'
  private client: PGlite | null = null
  constructor(private readonly dataDir: string) {}
  async connect(): Promise<SqlDriverAdapter> {
    this.client ??= openPGlite(this.dataDir)
    return awaitScripts(await new PrismaPGlite(this.client).connect(), this.client)
  }
  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadow = openPGlite('memory://')
    return awaitScripts(await new PrismaPGlite(shadow).connect(), shadow)
  }
  async close() {
    await this.client?.close()
  }
}

function awaitScripts(adapter: SqlDriverAdapter, client: PGlite): SqlDriverAdapter {
  const withErrors = adapter as SqlDriverAdapter & { onError(error: unknown): never }
  adapter.executeScript = async (script: string) => {
    try {
      await client.exec(script)
    } catch (error) {
      withErrors.onError(error)
    }
  }
  return adapter
}

/**
 * @prisma/adapter-pg runs a migration script by splitting it at every ";", which breaks any
 * statement with a ";" inside (a function body, a string). Postgres runs a whole script sent
 * as one simple query, in order, stopping at the first error: the script is sent as it is.
 */
function wholeScripts<A extends SqlDriverAdapter>(adapter: A): A {
  const pg = adapter as unknown as {
    client: { query(sql: string): Promise<unknown> }
    onError(error: unknown): never
  }
  adapter.executeScript = async (script: string) => {
    try {
      await pg.client.query(script)
    } catch (error) {
      pg.onError(error)
    }
  }
  return adapter
}

export type AdapterHandle = {
  factory: SqlMigrationAwareDriverAdapterFactory
  close(): Promise<void>
}

export function createAdapter(target: DatabaseTarget = databaseTarget()): AdapterHandle {
  if (target.kind === 'postgres') {
    const factory = new PrismaPg({
      connectionString: target.url,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      connectionTimeoutMillis: 5_000,
      // No JIT: a request's statements take milliseconds, and compiling them took 18–29 ms each
      // once the planner's estimates passed jit_above_cost (search at a million postmortems,
      // decision 039). The pool awaits this before a new connection's first query; set here,
      // not as a startup option, which PgBouncer refuses.
      onConnect: async (client) => void (await client.query('SET jit = off')),
    })
    // The schema engine never disposes of what it connects: close ends those pools, else their
    // idle connections linger for 10 s (and a CREATE DATABASE from this one as template waits).
    const connected: SqlDriverAdapter[] = []
    const connect = factory.connect.bind(factory)
    factory.connect = async () => {
      const adapter = await connect()
      connected.push(adapter)
      return wholeScripts(adapter)
    }
    return {
      factory,
      close: async () => void (await Promise.all(connected.splice(0).map((a) => a.dispose()))),
    }
  }
  const factory = new PGliteFactory(target.dataDir)
  return { factory, close: () => factory.close() }
}

/** An in-memory PGlite with our extensions: the shadow database for `diff`. */
export function createShadowAdapter(): AdapterHandle {
  return createAdapter({ kind: 'pglite', dataDir: 'memory://' })
}
