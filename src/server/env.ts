import path from 'node:path'

/**
 * Where the data lives. With DATABASE_URL the server Postgres is used; without it the
 * embedded PGlite database in HINDSIGHT_DATA_DIR (default ./data/pglite).
 * `memory://` keeps an embedded database in memory (tests).
 */
export function databaseTarget(): { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string } {
  const url = process.env.DATABASE_URL?.trim()
  if (url) return { kind: 'postgres', url }
  const dir =
    process.env.HINDSIGHT_DATA_DIR?.trim() ||
    path.join(/* turbopackIgnore: true */ process.cwd(), 'data', 'pglite')
  return {
    kind: 'pglite',
    dataDir: dir.startsWith('memory://') ? dir : path.resolve(/* turbopackIgnore: true */ dir),
  }
}

/**
 * The reverse proxies in front of Hindsight (TRUSTED_PROXIES: comma-separated addresses,
 * CIDR ranges, or proxy-addr's names `loopback`, `linklocal`, `uniquelocal`). Only they may
 * say in X-Forwarded-For where a request came from; empty, no proxy is believed.
 */
export function trustedProxies(): string[] {
  return (process.env.TRUSTED_PROXIES ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
}

/** Days the audit log keeps an entry (AUDIT_RETENTION_DAYS, default 365; 0 keeps everything). */
export function auditRetentionDays(): number {
  const days = Number(process.env.AUDIT_RETENTION_DAYS ?? 365)
  return Number.isFinite(days) && days > 0 ? Math.floor(days) : 0
}
