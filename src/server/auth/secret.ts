import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/**
 * The secret that signs session cookies: BETTER_AUTH_SECRET when set (required when several
 * servers share one database), else one generated on first use and kept in data/auth-secret,
 * so that `npm start` works without configuration and sessions survive restarts.
 */
export function authSecret(): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET?.trim()
  if (fromEnv) return fromEnv
  const file = path.join(/* turbopackIgnore: true */ process.cwd(), 'data', 'auth-secret')
  try {
    return readFileSync(file, 'utf8').trim()
  } catch {
    const secret = randomBytes(32).toString('base64url')
    mkdirSync(path.dirname(file), { recursive: true })
    try {
      writeFileSync(file, secret, { flag: 'wx', mode: 0o600 })
      return secret
    } catch {
      return readFileSync(file, 'utf8').trim() // another process wrote it first
    }
  }
}
