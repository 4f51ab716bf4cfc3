import { beforeAll, describe, expect, it } from 'vitest'
import { actorForToken, createApiToken } from '../auth/api-tokens'
import { auth } from '../auth/auth'
import type { Actor } from '../roles'
import { db } from '../db'
import { getAccountLink, redeemAccountLink } from './account-links'
import { changeOwnName } from './change-own-name'
import { changeOwnPassword } from './change-own-password'
import { createFirstAdmin } from './create-first-admin'
import { createResetLink } from './create-reset-link'
import { createUser } from './create-user'
import { deactivateUser } from './deactivate-user'
import { findPeople } from './find-people'
import { findUsers } from './find-users'
import { inviteUser } from './invite-user'
import { reactivateUser } from './reactivate-user'
import { removedEmail, removeUser } from './remove-user'
import { redeemAccountLinkInput } from './schemas'
import { setUserRole } from './set-user-role'

const origin = 'http://localhost:3000'
const password = 'a good password'
const HOUR = 3_600_000

/** Signs in over HTTP, as a browser does; resolves to the response and its cookie. */
async function signIn(email: string, pass = password) {
  const response = await auth.handler(
    new Request(`${origin}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, 'x-forwarded-for': '10.30.0.1' },
      body: JSON.stringify({ email, password: pass }),
    }),
  )
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  return { status: response.status, body: (await response.json()) as { code?: string }, cookie }
}

const sessionOf = (cookie: string) => auth.api.getSession({ headers: new Headers({ cookie }) })

async function person(name: string, role: Actor['role'] = 'EDITOR'): Promise<Actor> {
  const created = await createUser({
    actor: admin,
    input: { name, email: `${name.toLowerCase().replace(/\W/g, '.')}@example.com`, password, role },
  })
  if (!created.ok) throw new Error(created.error.code)
  return { ...created.data, role }
}

const actions = async (target: string) =>
  (await db.auditEvent.findMany({ where: { target }, orderBy: { id: 'asc' }, select: { action: true } })).map(
    (e) => e.action,
  )

let admin: Actor

beforeAll(async () => {
  const first = await createFirstAdmin({ input: { name: 'Ada Admin', email: 'ada@example.com', password } })
  if (!first.ok) throw new Error(first.error.code)
  admin = { id: first.data.id, name: 'Ada Admin', email: 'ada@example.com', role: 'ADMIN' }
})

describe('account lifecycle: invitations (real database)', () => {
  it('refuses invitations to non-admins, and a taken e-mail', async () => {
    const editor = await person('Ed Inviter')
    const input = { name: 'Nobody', email: 'nobody@example.com', role: 'VIEWER' as const }
    expect(await inviteUser({ actor: editor, input })).toEqual({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await inviteUser({ actor: admin, input: { ...input, email: editor.email } })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', fields: { email: 'emailTaken' } },
    })
    expect(await db.user.count({ where: { email: 'nobody@example.com' } })).toBe(0)
  })

  it('creates the account without a password; the person chooses one through the link, once', async () => {
    const invited = await inviteUser({
      actor: admin,
      input: { name: '王小明', email: 'wang@example.com', role: 'EDITOR' },
    })
    if (!invited.ok) throw new Error(invited.error.code)
    expect(invited.data.kind).toBe('INVITE')
    expect(invited.data.expiresAt.getTime() - Date.now()).toBeGreaterThan(6 * 24 * HOUR)
    // Only a hash is stored.
    const stored = await db.accountLink.findFirstOrThrow({ where: { userId: invited.data.id } })
    expect(stored.tokenHash).not.toContain(invited.data.token)
    expect(await db.account.count({ where: { userId: invited.data.id } })).toBe(0)
    const listed = await findUsers({ actor: admin })
    expect(listed.ok && listed.data.find((u) => u.email === 'wang@example.com')?.status).toBe('invited')
    expect((await signIn('wang@example.com', 'anything at all')).status).toBe(401)

    expect(await getAccountLink({ input: { token: invited.data.token } })).toEqual({
      status: 'valid',
      kind: 'INVITE',
      name: '王小明',
      email: 'wang@example.com',
    })
    const redeemed = await redeemAccountLink({ input: { token: invited.data.token, password } })
    expect(redeemed).toEqual({ ok: true, data: { kind: 'INVITE', email: 'wang@example.com' } })
    expect((await signIn('wang@example.com')).status).toBe(200)
    const again = await redeemAccountLink({
      input: { token: invited.data.token, password: 'another password' },
    })
    expect(again).toEqual({ ok: false, error: { code: 'INVALID_STATE', message: 'linkUsed' } })
    expect((await getAccountLink({ input: { token: invited.data.token } })).status).toBe('used')
    expect((await signIn('wang@example.com')).status).toBe(200)
    const after = await findUsers({ actor: admin })
    expect(after.ok && after.data.find((u) => u.email === 'wang@example.com')?.status).toBe('active')
    expect(await actions('user:wang@example.com')).toEqual(['user-invited', 'invite-accepted'])
  })

  it("applies the app's password rules to a link, and knows nothing of a made-up token", async () => {
    const token = 'x'.repeat(43)
    expect(redeemAccountLinkInput.safeParse({ token, password: 'short' }).success).toBe(false)
    expect(redeemAccountLinkInput.safeParse({ token, password: 'p'.repeat(129) }).success).toBe(false)
    expect(redeemAccountLinkInput.safeParse({ token: '../../etc', password }).success).toBe(false)
    expect(await getAccountLink({ input: { token } })).toEqual({ status: 'unknown' })
    expect(await redeemAccountLink({ input: { token, password } })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'linkUnknown' },
    })
  })
})

describe('account lifecycle: reset by one-time link (real database)', () => {
  it('refuses reset links to non-admins', async () => {
    const editor = await person('Ed Resetter')
    expect(await createResetLink({ actor: editor, input: { userId: admin.id } })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await createResetLink({ actor: admin, input: { userId: 'missing' } })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  it('sets a new password, ends every session, and works once', async () => {
    const bob = await person('Bob Reset')
    const phone = await signIn(bob.email)
    const laptop = await signIn(bob.email)
    expect(await sessionOf(phone.cookie)).not.toBeNull()
    const link = await createResetLink({ actor: admin, input: { userId: bob.id } })
    if (!link.ok) throw new Error(link.error.code)
    expect(link.data.kind).toBe('RESET')
    expect(link.data.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(24 * HOUR)
    // Making a link signs nobody out.
    expect(await sessionOf(laptop.cookie)).not.toBeNull()

    const redeemed = await redeemAccountLink({
      input: { token: link.data.token, password: 'a new password' },
    })
    expect(redeemed.ok).toBe(true)
    expect(await sessionOf(phone.cookie)).toBeNull()
    expect(await sessionOf(laptop.cookie)).toBeNull()
    expect(await db.session.count({ where: { userId: bob.id } })).toBe(0)
    expect((await signIn(bob.email)).status).toBe(401)
    expect((await signIn(bob.email, 'a new password')).status).toBe(200)
    expect((await redeemAccountLink({ input: { token: link.data.token, password } })).ok).toBe(false)
    expect(await actions(`user:${bob.email}`)).toEqual([
      'user-created',
      'password-reset-link-created',
      'password-reset',
    ])
  })

  it('expires after 24 hours, and a newer link replaces the older', async () => {
    const carol = await person('Carol Expiry')
    const first = await createResetLink({ actor: admin, input: { userId: carol.id } })
    if (!first.ok) throw new Error(first.error.code)
    const later = new Date(Date.now() + 25 * HOUR)
    expect(await getAccountLink({ input: { token: first.data.token }, now: later })).toEqual({
      status: 'expired',
      kind: 'RESET',
    })
    expect(
      await redeemAccountLink({ input: { token: first.data.token, password: 'too late!' }, now: later }),
    ).toEqual({ ok: false, error: { code: 'INVALID_STATE', message: 'linkExpired' } })
    const second = await createResetLink({ actor: admin, input: { userId: carol.id } })
    if (!second.ok) throw new Error(second.error.code)
    expect((await getAccountLink({ input: { token: first.data.token } })).status).toBe('expired')
    expect((await getAccountLink({ input: { token: second.data.token } })).status).toBe('valid')
    expect((await signIn(carol.email)).status).toBe(200)
  })

  it('lets exactly one of two simultaneous uses of a link through', async () => {
    const dan = await person('Dan Race')
    const link = await createResetLink({ actor: admin, input: { userId: dan.id } })
    if (!link.ok) throw new Error(link.error.code)
    const results = await Promise.all([
      redeemAccountLink({ input: { token: link.data.token, password: 'first password' } }),
      redeemAccountLink({ input: { token: link.data.token, password: 'second password' } }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
  })
})

describe('account lifecycle: own name and password (real database)', () => {
  it('changes the password only with the current one, ending the other sessions', async () => {
    const erin = await person('Erin Owner')
    const here = await signIn(erin.email)
    const elsewhere = await signIn(erin.email)
    const sessionId = (await sessionOf(here.cookie))!.session.id
    const input = { currentPassword: 'not my password', newPassword: 'my new password' }
    expect(await changeOwnPassword({ actor: erin, input, sessionId })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { currentPassword: 'wrongPassword' } },
    })
    // An API token is not a browser session.
    expect(
      await changeOwnPassword({
        actor: erin,
        input: { ...input, currentPassword: password },
        sessionId: null,
      }),
    ).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    const changed = await changeOwnPassword({
      actor: erin,
      input: { ...input, currentPassword: password },
      sessionId,
    })
    expect(changed).toEqual({ ok: true, data: { sessionsEnded: 1 } })
    expect(await sessionOf(here.cookie)).not.toBeNull()
    expect(await sessionOf(elsewhere.cookie)).toBeNull()
    expect((await signIn(erin.email)).status).toBe(401)
    expect((await signIn(erin.email, 'my new password')).status).toBe(200)
    expect(await actions(`user:${erin.email}`)).toContain('password-changed')
  })

  it('slows down guessing of the current password', async () => {
    const fay = await person('Fay Guess')
    const sessionId = (await sessionOf((await signIn(fay.email)).cookie))!.session.id
    const guess = (currentPassword: string) =>
      changeOwnPassword({ actor: fay, input: { currentPassword, newPassword: 'whatever123' }, sessionId })
    for (let i = 0; i < 5; i++) expect((await guess(`guess ${i}`)).ok).toBe(false)
    const limited = await guess(password)
    expect(limited.ok === false && limited.error.code).toBe('RATE_LIMITED')
  })

  it('changes the name within the rules, never to another member’s name', async () => {
    const gus = await person('Gus Name')
    const sessionId = (await sessionOf((await signIn(gus.email)).cookie))!.session.id
    expect(await changeOwnName({ actor: gus, input: { name: 'ada admin' }, sessionId })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', fields: { name: 'nameTaken' } },
    })
    expect(await changeOwnName({ actor: gus, input: { name: 'Gus' }, sessionId: null })).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
    expect(await changeOwnName({ actor: gus, input: { name: 'Gus 古斯' }, sessionId })).toEqual({
      ok: true,
      data: { name: 'Gus 古斯' },
    })
    expect((await db.user.findUniqueOrThrow({ where: { id: gus.id } })).name).toBe('Gus 古斯')
    const entry = await db.auditEvent.findFirstOrThrow({ where: { action: 'name-changed' } })
    expect(entry.detail).toBe('Gus Name → Gus 古斯')
  })

  it("keeps better-auth's password endpoints off", async () => {
    const { cookie } = await signIn(admin.email)
    for (const path of ['/change-password', '/request-password-reset', '/reset-password']) {
      const response = await auth.handler(
        new Request(`${origin}/api/auth${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin, cookie },
          body: JSON.stringify({
            currentPassword: password,
            newPassword: 'x',
            email: admin.email,
            token: 'x',
          }),
        }),
      )
      expect(response.status, path).toBe(404)
    }
  })
})

describe('account lifecycle: deactivate, reactivate, remove (real database)', () => {
  it('refuses non-admins, oneself and the last active admin', async () => {
    const editor = await person('Hal Editor')
    const second = await person('Ivy Admin', 'ADMIN')
    for (const run of [deactivateUser, reactivateUser, removeUser])
      expect(await run({ actor: editor, input: { userId: second.id } })).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
    expect(await deactivateUser({ actor: admin, input: { userId: admin.id } })).toEqual({
      ok: false,
      error: { code: 'INVALID_STATE', message: 'notYourself' },
    })
    expect(await removeUser({ actor: admin, input: { userId: admin.id } })).toEqual({
      ok: false,
      error: { code: 'INVALID_STATE', message: 'notYourself' },
    })
    expect((await deactivateUser({ actor: admin, input: { userId: second.id } })).ok).toBe(true)
    // Ivy's stale request: Ada is now the only active admin.
    expect(await deactivateUser({ actor: second, input: { userId: admin.id } })).toEqual({
      ok: false,
      error: { code: 'INVALID_STATE', message: 'lastAdmin' },
    })
    expect(await removeUser({ actor: second, input: { userId: admin.id } })).toEqual({
      ok: false,
      error: { code: 'INVALID_STATE', message: 'lastAdmin' },
    })
    expect(await setUserRole({ actor: admin, input: { userId: admin.id, role: 'EDITOR' } })).toEqual({
      ok: false,
      error: { code: 'INVALID_STATE', message: 'LAST_ADMIN' },
    })
    expect((await reactivateUser({ actor: admin, input: { userId: second.id } })).ok).toBe(true)
  })

  it('stops a deactivated person at once: sessions, sign-in and their API tokens; reactivation restores', async () => {
    const jo = await person('Jo Deactivated', 'ADMIN')
    const { cookie } = await signIn(jo.email)
    expect(await sessionOf(cookie)).not.toBeNull()
    const token = await createApiToken({ actor: jo, input: { name: 'deploy' } })
    if (!token.ok) throw new Error(token.error.code)
    expect(await actorForToken(`Bearer ${token.data.token}`)).not.toBeNull()

    expect(await deactivateUser({ actor: admin, input: { userId: jo.id } })).toEqual({
      ok: true,
      data: { name: 'Jo Deactivated' },
    })
    expect(await sessionOf(cookie)).toBeNull()
    expect(await actorForToken(`Bearer ${token.data.token}`)).toBeNull()
    // The right password gets a clear refusal; a wrong one the usual answer.
    const refused = await signIn(jo.email)
    expect(refused.status).toBe(403)
    expect(refused.body.code).toBe('ACCOUNT_DEACTIVATED')
    expect((await signIn(jo.email, 'wrong password')).status).toBe(401)
    expect(await db.session.count({ where: { userId: jo.id } })).toBe(0)
    expect(await createResetLink({ actor: admin, input: { userId: jo.id } })).toEqual({
      ok: false,
      error: { code: 'INVALID_STATE', message: 'deactivated' },
    })
    const listed = await findUsers({ actor: admin })
    expect(listed.ok && listed.data.find((u) => u.id === jo.id)?.status).toBe('deactivated')

    expect((await reactivateUser({ actor: admin, input: { userId: jo.id } })).ok).toBe(true)
    expect((await signIn(jo.email)).status).toBe(200)
    expect(await actorForToken(`Bearer ${token.data.token}`)).not.toBeNull()
    expect(await actions(`user:${jo.email}`)).toEqual([
      'user-created',
      'user-deactivated',
      'user-reactivated',
    ])
  })

  it('refuses a session that a deactivated account still has (the next request)', async () => {
    const kim = await person('Kim Stale')
    const { cookie } = await signIn(kim.email)
    // As if a sign-in had slipped in while the deactivation committed.
    await db.user.update({ where: { id: kim.id }, data: { deactivatedAt: new Date() } })
    const session = await sessionOf(cookie)
    expect(session?.user.deactivatedAt).toBeInstanceOf(Date)
  })

  it('expires the unused links of a deactivated person', async () => {
    const lee = await person('Lee Link')
    const link = await createResetLink({ actor: admin, input: { userId: lee.id } })
    if (!link.ok) throw new Error(link.error.code)
    await deactivateUser({ actor: admin, input: { userId: lee.id } })
    await reactivateUser({ actor: admin, input: { userId: lee.id } })
    expect((await getAccountLink({ input: { token: link.data.token } })).status).toBe('expired')
  })

  it('removes a member while what they wrote still names them', async () => {
    const max = await person('Max Removed', 'ADMIN')
    const { cookie } = await signIn(max.email)
    const token = await createApiToken({ actor: max, input: { name: 'ci' } })
    if (!token.ok) throw new Error(token.error.code)
    const postmortem = await db.postmortem.create({
      data: {
        title: 'Replica lag',
        createdById: max.id,
        authors: { create: { userId: max.id } },
        actionItems: { create: { position: 0, title: 'Add an index', ownerId: max.id } },
        revisions: { create: { version: 1, authorId: max.id, snapshot: {} } },
      },
      select: { id: true },
    })

    expect(await removeUser({ actor: admin, input: { userId: max.id } })).toEqual({
      ok: true,
      data: { name: 'Max Removed' },
    })
    const row = await db.user.findUniqueOrThrow({ where: { id: max.id } })
    expect(row).toMatchObject({ name: 'Max Removed', email: removedEmail(max.id), role: 'VIEWER' })
    expect(row.removedAt).toBeInstanceOf(Date)
    expect(row.deactivatedAt).toBeInstanceOf(Date)
    expect(await db.account.count({ where: { userId: max.id } })).toBe(0)
    expect(await sessionOf(cookie)).toBeNull()
    expect(await actorForToken(`Bearer ${token.data.token}`)).toBeNull()
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: token.data.id } })).revokedAt).toBeInstanceOf(
      Date,
    )
    expect((await signIn('max.removed@example.com')).status).toBe(401)

    const read = await db.postmortem.findUniqueOrThrow({
      where: { id: postmortem.id },
      select: {
        createdBy: { select: { name: true } },
        authors: { select: { user: { select: { name: true } } } },
        actionItems: { select: { owner: { select: { name: true } } } },
        revisions: { select: { author: { select: { name: true } } } },
      },
    })
    expect(read).toEqual({
      createdBy: { name: 'Max Removed' },
      authors: [{ user: { name: 'Max Removed' } }],
      actionItems: [{ owner: { name: 'Max Removed' } }],
      revisions: [{ author: { name: 'Max Removed' } }],
    })

    // Gone for good: nothing more can be done to them; the address is free again.
    expect(await reactivateUser({ actor: admin, input: { userId: max.id } })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await setUserRole({ actor: admin, input: { userId: max.id, role: 'ADMIN' } })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    const listed = await findUsers({ actor: admin })
    expect(listed.ok && listed.data.at(-1)).toMatchObject({ id: max.id, status: 'removed' })
    // Still offered as the owner they are, so an editor's save keeps them; others are not offered.
    const people = (await findPeople({ actor: admin })).map((p) => p.name)
    expect(people).toContain('Max Removed')
    expect(people).not.toContain('Kim Stale')
    expect(
      (
        await inviteUser({
          actor: admin,
          input: { name: 'Max Again', email: 'max.removed@example.com', role: 'VIEWER' },
        })
      ).ok,
    ).toBe(true)
    const removal = await db.auditEvent.findFirstOrThrow({ where: { action: 'user-removed' } })
    expect(removal).toMatchObject({ actorId: admin.id, target: 'user:max.removed@example.com' })
  })
})
