import 'server-only'
import type { Role } from '../roles'
import { db } from '../db'
import { err, ok, type Result } from '../result'
import { createAdminUnderSetupLock, createFirstAdmin } from './create-first-admin'
import { createUser } from './create-user'
import { lockActiveAdmins } from './members'
import type { CreateAccountInput, CreateUserInput } from './schemas'

export type ProvisionedUser = {
  id: string
  name: string
  email: string
  role: Role
  firstAdmin: boolean
  /** Made because no active admin was left (all deactivated, or only SSO members signed up). */
  recovered?: boolean
}

/**
 * An account made without a browser (`npm run user:create`), by whoever holds the database:
 * never call it from a route. On an empty database it goes through first-run setup, as the
 * setup page does (the first account is an admin: INVALID_STATE 'NO_ADMIN' otherwise);
 * later accounts are created as the first admin would create them in Settings → Users
 * (CONFLICT on a taken email). Where members exist but no active admin, an admin account is
 * the way back in: it is created and audited as a recovery (the setup page never offers that).
 * The caller parses the input with createUserInput, where the email and password rules live.
 */
export async function provisionUser({ input }: { input: CreateUserInput }): Promise<Result<ProvisionedUser>> {
  const { role, ...account } = input
  if (role === 'ADMIN') {
    const first = await createFirstAdmin({ input: account })
    if (first.ok)
      return ok({ id: first.data.id, name: account.name, email: account.email, role, firstAdmin: true })
    // Set up already: an admin adds this one, below.
  }
  const admin = await db.user.findFirst({
    where: { role: 'ADMIN', deactivatedAt: null },
    orderBy: { createdAt: 'asc' },
    select: { id: true, name: true, email: true, role: true },
  })
  if (!admin) return role === 'ADMIN' ? recoverAdmin(account) : err('INVALID_STATE', { message: 'NO_ADMIN' })
  const created = await createUser({ actor: admin, input })
  return created.ok ? ok({ ...created.data, role, firstAdmin: false }) : created
}

async function recoverAdmin(account: CreateAccountInput): Promise<Result<ProvisionedUser>> {
  const made = await createAdminUnderSetupLock(account, {
    allowed: async (tx) => (await lockActiveAdmins(tx)).length === 0,
    refusal: 'ADMIN_EXISTS',
    detail: 'ADMIN (no active admin left)',
  })
  return made.ok ? ok({ ...made.data, firstAdmin: false, recovered: true }) : made
}
