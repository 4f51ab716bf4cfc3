import 'server-only'
import { APIError } from 'better-auth/api'
import { db } from '../db'

/**
 * Refuses a new session for a deactivated (or removed) account, whichever way it signs in
 * (password, single sign-on). Runs after the password was checked, so the refusal tells only
 * someone who knows the password that the account exists (docs/decisions/014).
 */
export async function refuseDeactivated(userId: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { deactivatedAt: true } })
  if (user?.deactivatedAt)
    throw new APIError('FORBIDDEN', { code: 'ACCOUNT_DEACTIVATED', message: 'This account is deactivated.' })
}
