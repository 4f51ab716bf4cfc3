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

/** A whole number above 0 from the environment, else `fallback`; anything else is refused. */
function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name]?.trim()
  if (!raw) return fallback
  const value = Number(raw)
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`${name} must be a whole number above 0 (it is "${raw}").`)
  return value
}

/**
 * The request limits (README: "Sign-in limits" and "JSON API"). The defaults are the
 * production limits; the end-to-end server sets small ones (playwright.config.ts), so its
 * tests reach a limit in a few requests and never race the end of a window.
 * - API_TOKEN_LIMIT requests per API token (300) in API_TOKEN_LIMIT_WINDOW_SECONDS (60);
 * - SIGN_IN_LIMIT_PER_ACCOUNT tries at one account from one address (5) and
 *   SIGN_IN_LIMIT_PER_ADDRESS tries from one address at any account (50), both in
 *   SIGN_IN_LIMIT_WINDOW_SECONDS (900).
 */
export function requestLimits() {
  const signInWindowMs = positiveInteger('SIGN_IN_LIMIT_WINDOW_SECONDS', 15 * 60) * 1000
  return {
    apiToken: {
      max: positiveInteger('API_TOKEN_LIMIT', 300),
      windowMs: positiveInteger('API_TOKEN_LIMIT_WINDOW_SECONDS', 60) * 1000,
    },
    signInPerAccount: { max: positiveInteger('SIGN_IN_LIMIT_PER_ACCOUNT', 5), windowMs: signInWindowMs },
    signInPerAddress: { max: positiveInteger('SIGN_IN_LIMIT_PER_ADDRESS', 50), windowMs: signInWindowMs },
  }
}
