import type { SqlConnection } from './sql-connection'

/** Prisma's own bookkeeping: a backup records the migrations instead of copying the table. */
export const MIGRATIONS_TABLE = '_prisma_migrations'
/** Counters that only matter for the next minutes (rate limits): neither backed up nor checked for emptiness. */
export const TRANSIENT_TABLES = ['RateLimit']
/**
 * Tables a migration fills with defaults (the contributing-factor taxonomy): a freshly migrated
 * database is still empty for a restore, and a backup that has the table replaces the defaults.
 */
export const SEEDED_TABLES = ['ContributingFactor']

export type TableInfo = { name: string; columns: string[] }
export type SequenceInfo = { table: string; column: string; sequence: string }

/**
 * Every application table of the current schema, parents before children (by foreign
 * key), read from the catalog: tables added by later migrations are included without a
 * list to keep up to date.
 */
export async function applicationTables(connection: SqlConnection): Promise<TableInfo[]> {
  const skipped = [MIGRATIONS_TABLE, ...TRANSIENT_TABLES]
  const tables = await connection.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
        AND table_name NOT IN (${skipped.map((_, i) => `$${i + 1}`).join(', ')})
      ORDER BY table_name`,
    skipped,
  )
  const columns = await connection.query<{ table: string; column: string }>(
    `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
      WHERE table_schema = current_schema() AND is_generated = 'NEVER'
      ORDER BY table_name, ordinal_position`,
  )
  const references = await connection.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = current_schema()`,
  )
  const unquote = (name: string) => name.replace(/^"(.*)"$/, '$1').replace(/""/g, '"')
  const parents = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set<string>()]))
  for (const { child, parent } of references)
    if (unquote(child) !== unquote(parent)) parents.get(unquote(child))?.add(unquote(parent))

  // Topological order; ties by name so that the order (and the file) is deterministic.
  const ordered: string[] = []
  const done = new Set<string>()
  while (ordered.length < tables.length) {
    const ready = tables
      .map((t) => t.name)
      .filter(
        (name) => !done.has(name) && [...parents.get(name)!].every((p) => done.has(p) || !parents.has(p)),
      )
    if (!ready.length) {
      const cycle = tables.map((t) => t.name).filter((name) => !done.has(name))
      throw new Error(`Foreign keys form a cycle between ${cycle.join(', ')}: cannot order the tables.`)
    }
    for (const name of ready) {
      ordered.push(name)
      done.add(name)
    }
  }
  return ordered.map((name) => ({
    name,
    columns: columns.filter((c) => c.table === name).map((c) => c.column),
  }))
}

/** Columns filled from a sequence (autoincrement), so that restore can move the sequence on. */
export async function sequences(connection: SqlConnection): Promise<SequenceInfo[]> {
  return connection.query<SequenceInfo>(
    `SELECT table_name AS "table", column_name AS "column",
            pg_get_serial_sequence(quote_ident(table_name), column_name) AS sequence
       FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name <> $1
        AND pg_get_serial_sequence(quote_ident(table_name), column_name) IS NOT NULL
      ORDER BY table_name, column_name`,
    [MIGRATIONS_TABLE],
  )
}

/** Names of the migrations recorded as applied (none when the database was never migrated). */
export async function appliedMigrations(connection: SqlConnection): Promise<string[]> {
  const [exists] = await connection.query<{ present: boolean }>(
    `SELECT to_regclass(quote_ident($1)) IS NOT NULL AS present`,
    [MIGRATIONS_TABLE],
  )
  if (!exists?.present) return []
  const rows = await connection.query<{ name: string }>(
    `SELECT migration_name AS name FROM "${MIGRATIONS_TABLE}"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  )
  return rows.map((r) => r.name)
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

/** Rows per application table (0 for all of them: an empty database). */
export async function rowCounts(
  connection: SqlConnection,
  tables: TableInfo[],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const { name } of tables) {
    const [row] = await connection.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quoteIdent(name)}`)
    counts[name] = Number(row!.n)
  }
  return counts
}
