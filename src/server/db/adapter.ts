import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { PrismaPg } from '@prisma/adapter-pg'
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { databaseTarget } from '../env'

export type DatabaseTarget = ReturnType<typeof databaseTarget>

/** Opens lazily: queries wait until the database is ready. */
export function openPGlite(dataDir: string): PGlite {
  return new PGlite({ dataDir, extensions: { pg_trgm } })
}

/**
 * pglite-prisma-adapter 0.7.2 does not await `exec()` in `executeScript`, so a failing
 * migration would be recorded as applied; and its shadow database lacks pg_trgm.
 * Both are fixed here (docs/decisions/001-offline-migrations.md).
 */
class PGliteFactory extends PrismaPGlite {
  constructor(private readonly pglite: PGlite) {
    super(pglite)
  }
  override async connect(): Promise<SqlDriverAdapter> {
    return awaitScripts(await super.connect(), this.pglite)
  }
  override async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadow = openPGlite('memory://')
    return awaitScripts(await new PrismaPGlite(shadow).connect(), shadow)
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

export type AdapterHandle = {
  factory: SqlMigrationAwareDriverAdapterFactory
  /** The PGlite instance when embedded (for backups and closing). */
  pglite: PGlite | null
  close(): Promise<void>
}

export function createAdapter(target: DatabaseTarget = databaseTarget()): AdapterHandle {
  if (target.kind === 'postgres') {
    return {
      factory: new PrismaPg({
        connectionString: target.url,
        max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
        connectionTimeoutMillis: 5_000,
      }),
      pglite: null,
      close: async () => {},
    }
  }
  const pglite = openPGlite(target.dataDir)
  return { factory: new PGliteFactory(pglite), pglite, close: () => pglite.close() }
}

/** An in-memory PGlite with our extensions: the shadow database for `diff`. */
export function createShadowAdapter(): AdapterHandle {
  return createAdapter({ kind: 'pglite', dataDir: 'memory://' })
}
