import { describe, expect, it } from 'vitest'
import { auth } from '../auth/auth'
import type { Actor } from '../roles'
import { db } from '../db'
import { createFirstAdmin } from './create-first-admin'
import { createUser } from './create-user'
import { findUsers } from './find-users'
import { provisionUser } from './provision-user'
import { setUserRole } from './set-user-role'

const account = (n: string) => ({ name: `User ${n}`, email: `${n}@example.com`, password: `password-${n}` })

describe('accounts (real database)', () => {
  let admin: Actor

  it('makes exactly one first admin, even when two setups race', async () => {
    const results = await Promise.all([
      createFirstAdmin({ input: account('first') }),
      createFirstAdmin({ input: account('second') }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['INVALID_STATE'])
    const users = await db.user.findMany({ select: { email: true, role: true } })
    expect(users).toHaveLength(1)
    expect(users[0]!.role).toBe('ADMIN')
    const row = await db.user.findFirstOrThrow({ select: { id: true, name: true, email: true, role: true } })
    admin = row
  })

  it('stores a password that better-auth accepts, and rejects a wrong one', async () => {
    const signedIn = await auth.api.signInEmail({
      body: { email: admin.email, password: `password-${admin.email.split('@')[0]}` },
    })
    expect(signedIn.user.email).toBe(admin.email)
    await expect(
      auth.api.signInEmail({ body: { email: admin.email, password: 'wrong-password' } }),
    ).rejects.toThrow()
  })

  it('lets an admin create users with a role, refusing a duplicate email', async () => {
    const created = await createUser({ actor: admin, input: { ...account('editor'), role: 'EDITOR' } })
    expect(created.ok).toBe(true)
    const duplicate = await createUser({
      actor: admin,
      input: { ...account('editor'), name: 'Other', role: 'VIEWER' },
    })
    expect(duplicate).toEqual({ ok: false, error: { code: 'CONFLICT', fields: { email: 'emailTaken' } } })
    const listed = await findUsers({ actor: admin })
    expect(listed.ok && listed.data.map((u) => [u.email, u.role])).toEqual([
      [admin.email, 'ADMIN'],
      ['editor@example.com', 'EDITOR'],
    ])
  })

  it('refuses user management to non-admins', async () => {
    const editor = await db.user.findUniqueOrThrow({ where: { email: 'editor@example.com' } })
    const actor: Actor = { id: editor.id, name: editor.name, email: editor.email, role: 'EDITOR' }
    expect(await createUser({ actor, input: { ...account('sneaky'), role: 'ADMIN' } })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await setUserRole({ actor, input: { userId: editor.id, role: 'ADMIN' } })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect((await findUsers({ actor })).ok).toBe(false)
    expect(await db.user.count({ where: { email: 'sneaky@example.com' } })).toBe(0)
  })

  it('never demotes the last admin, but does once there is another', async () => {
    const lonely = await setUserRole({ actor: admin, input: { userId: admin.id, role: 'VIEWER' } })
    expect(lonely).toEqual({ ok: false, error: { code: 'INVALID_STATE', message: 'LAST_ADMIN' } })
    const editor = await db.user.findUniqueOrThrow({ where: { email: 'editor@example.com' } })
    expect((await setUserRole({ actor: admin, input: { userId: editor.id, role: 'ADMIN' } })).ok).toBe(true)
    expect((await setUserRole({ actor: admin, input: { userId: admin.id, role: 'VIEWER' } })).ok).toBe(true)
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe('VIEWER')
    expect(await setUserRole({ actor: admin, input: { userId: 'missing', role: 'VIEWER' } })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  it('lets the command line make an admin when no active admin is left, and audits it', async () => {
    // Every admin deactivated (or, on an SSO install, only members ever signed up).
    await db.user.updateMany({ where: { role: 'ADMIN' }, data: { deactivatedAt: new Date() } })
    const member = await provisionUser({ input: { ...account('member'), role: 'EDITOR' } })
    expect(member).toEqual({ ok: false, error: { code: 'INVALID_STATE', message: 'NO_ADMIN' } })
    const taken = await provisionUser({ input: { ...account('editor'), role: 'ADMIN' } })
    expect(taken).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { email: 'emailTaken' } } })

    const rescue = await provisionUser({ input: { ...account('rescue'), role: 'ADMIN' } })
    expect(rescue).toMatchObject({ ok: true, data: { email: 'rescue@example.com', recovered: true } })
    const signedIn = await auth.api.signInEmail({
      body: { email: 'rescue@example.com', password: 'password-rescue' },
    })
    expect(signedIn.user.email).toBe('rescue@example.com')
    expect(await db.auditEvent.findFirst({ where: { target: 'user:rescue@example.com' } })).toMatchObject({
      actorEmail: 'rescue@example.com',
      action: 'user-created',
      detail: 'ADMIN (no active admin left)',
    })
    // With an admin again, an admin is added as that admin would add one.
    const second = await provisionUser({ input: { ...account('second-admin'), role: 'ADMIN' } })
    expect(second).toMatchObject({ ok: true, data: { role: 'ADMIN', firstAdmin: false } })
    expect(second.ok && second.data.recovered).toBeFalsy()
  })
})
