import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createApiToken, revokeApiToken } from '../auth/api-tokens'
import { auth } from '../auth/auth'
import type { Actor } from '../roles'
import { db } from '../db'
import { changeLaunchStatus } from '../checklists/change-launch-status'
import { createLaunch } from '../launches/create-launch'
import { changePostmortemStatus } from '../postmortems/change-status'
import { createPostmortem } from '../postmortems/create-postmortem'
import { savePostmortem } from '../postmortems/save-postmortem'
import { emptyDocument } from '../postmortems/schemas'
import { createUser } from '../users/create-user'
import { setUserRole } from '../users/set-user-role'
import { unlockSignIn } from '../users/unlock-sign-in'
import { auditEventsToCsv } from './export-audit-events'
import { findAuditEvents } from './find-audit-events'
import { auditFilterInput } from './schemas'
import { pruneAuditEvents, recordAuditEvent } from './record-audit-event'
import { person } from '@/test/people'

let admin: Actor
let editor: Actor
let viewer: Actor

async function log(filter = {}) {
  const found = await findAuditEvents({ actor: admin, filter })
  if (!found.ok) throw new Error(found.error.code)
  return found.data.events
}

beforeAll(async () => {
  admin = await person('Ada', 'ADMIN')
  editor = await person('Eve', 'EDITOR')
  viewer = await person('Vic', 'VIEWER')
})

afterEach(() => {
  delete process.env.AUDIT_RETENTION_DAYS
})

describe('the audit log', () => {
  it('records account, role and token changes with who did them, newest first', async () => {
    const created = await createUser({
      actor: admin,
      input: { name: 'Bob', email: 'bob@example.com', password: 'password-1', role: 'VIEWER' },
    })
    expect(created.ok).toBe(true)
    await setUserRole({ actor: admin, input: { userId: viewer.id, role: 'EDITOR' } })
    await setUserRole({ actor: admin, input: { userId: viewer.id, role: 'VIEWER' } })
    const token = await createApiToken({ actor: admin, input: { name: 'deploy gate' } })
    if (!token.ok) throw new Error('token')
    await revokeApiToken({ actor: admin, id: token.data.id })
    // A refused change leaves no trace of a change that did not happen.
    expect((await setUserRole({ actor: editor, input: { userId: viewer.id, role: 'ADMIN' } })).ok).toBe(false)

    const events = await log()
    expect(events.map((e) => [e.action, e.actorName, e.target, e.detail])).toEqual([
      ['token-revoked', 'Ada', `token:${token.data.id}`, 'deploy gate'],
      ['token-created', 'Ada', `token:${token.data.id}`, 'deploy gate'],
      ['role-changed', 'Ada', 'user:vic@example.com', 'EDITOR → VIEWER'],
      ['role-changed', 'Ada', 'user:vic@example.com', 'VIEWER → EDITOR'],
      ['user-created', 'Ada', 'user:bob@example.com', 'VIEWER'],
    ])
    expect(events[0]!.actorEmail).toBe('ada@example.com')
  })

  it('records publishing, sending back, and a launch an admin let through unready', async () => {
    const pm = await createPostmortem({ actor: editor, input: { title: '缓存未更新', launchId: null } })
    if (!pm.ok) throw new Error('create')
    const number = pm.data.number
    const document = {
      ...emptyDocument('缓存未更新'),
      symptom: '签到列表不更新',
      rootCause: '缓存过期时间过长',
    }
    expect((await savePostmortem({ actor: editor, number, input: { baseVersion: 1, document } })).ok).toBe(
      true,
    )
    await changePostmortemStatus({ actor: editor, number, to: 'IN_REVIEW' })
    await changePostmortemStatus({ actor: editor, number, to: 'DRAFT' })
    await changePostmortemStatus({ actor: editor, number, to: 'IN_REVIEW' })
    expect((await changePostmortemStatus({ actor: admin, number, to: 'PUBLISHED' })).ok).toBe(true)

    const launch = await createLaunch({
      actor: editor,
      input: { name: 'Mobile 1.2', description: '', plannedAt: null, launchedAt: null },
    })
    if (!launch.ok) throw new Error('launch')
    const slug = launch.data.slug
    await db.launch.update({ where: { slug }, data: { status: 'IN_REVIEW' } })
    const override = await changeLaunchStatus({
      actor: admin,
      slug,
      input: { to: 'LAUNCHED', reason: 'Hotfix for a security hole' },
    })
    expect(override.ok).toBe(true)

    const events = await log()
    expect(events.slice(0, 3).map((e) => [e.action, e.actorName, e.target, e.detail])).toEqual([
      ['launch-overridden', 'Ada', `launch:${slug}`, 'Hotfix for a security hole'],
      ['postmortem-published', 'Ada', `postmortem:${number}`, '缓存未更新'],
      ['postmortem-sent-back', 'Eve', `postmortem:${number}`, '缓存未更新'],
    ])
  })

  it('records sign-ins, failed ones with the e-mail tried and the address, and an unlock', async () => {
    const signIn = (password: string) =>
      auth.api
        .signInEmail({
          body: { email: 'eve@example.com', password },
          headers: new Headers({ 'x-forwarded-for': '203.0.113.9' }),
        })
        .catch(() => null)
    expect(await signIn('wrong-password')).toBeNull()
    expect(await signIn('password-1')).not.toBeNull()
    await unlockSignIn({ actor: admin, input: { userId: editor.id } })
    const events = await log()
    expect(events.slice(0, 3).map((e) => [e.action, e.actorName, e.target, e.detail, e.address])).toEqual([
      ['sign-in-unlocked', 'Ada', 'user:eve@example.com', '', null],
      ['sign-in', 'Eve', null, '', '203.0.113.9'],
      ['sign-in-failed', '', null, 'eve@example.com', '203.0.113.9'],
    ])
  })

  it('is for admins only', async () => {
    for (const actor of [editor, viewer])
      expect(await findAuditEvents({ actor, filter: {} })).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
  })

  it('filters by action, by part of a name or e-mail, and by day; pages older entries', async () => {
    expect((await log({ action: 'role-changed' })).every((e) => e.action === 'role-changed')).toBe(true)
    expect((await log({ action: 'role-changed' })).length).toBe(2)
    expect(new Set((await log({ who: 'EVE@' })).map((e) => e.actorName))).toEqual(new Set(['Eve']))
    // What was typed means itself: `_` and `%` are not wildcards, so they match no one here.
    expect(await log({ who: '_' })).toEqual([])
    expect(await log({ who: 'e%e' })).toEqual([])
    const today = new Date().toISOString().slice(0, 10)
    expect((await log({ from: today, to: today })).length).toBe((await log()).length)
    expect(await log({ to: '2000-01-01' })).toEqual([])

    for (let i = 0; i < 105; i++)
      await recordAuditEvent({ actor: { name: 'load' }, action: 'sign-in-failed', detail: `try ${i}` })
    const first = await findAuditEvents({ actor: admin, filter: { action: 'sign-in-failed', who: 'load' } })
    if (!first.ok || !first.data.older) throw new Error('expected a second page')
    expect(first.data.events).toHaveLength(100)
    expect(first.data.events[0]!.detail).toBe('try 104')
    const second = await findAuditEvents({
      actor: admin,
      filter: { action: 'sign-in-failed', who: 'load' },
      before: first.data.older,
    })
    if (!second.ok) throw new Error('page')
    expect(second.data.events.map((e) => e.detail)).toEqual(['try 4', 'try 3', 'try 2', 'try 1', 'try 0'])
    expect(second.data.older).toBeNull()
  })

  it('is append-only: the database refuses to rewrite an entry', async () => {
    await expect(db.auditEvent.updateMany({ data: { actorName: 'Mallory' } })).rejects.toThrow(/append-only/)
    expect((await log()).some((e) => e.actorName === 'Mallory')).toBe(false)
  })

  it('forgets entries older than the retention, and nothing when it is 0', async () => {
    await db.$executeRaw`INSERT INTO "AuditEvent" ("at", "actorName", "action") VALUES (now() - interval '400 days', 'old', 'sign-in'), (now() - interval '20 days', 'recent', 'sign-in')`
    process.env.AUDIT_RETENTION_DAYS = '0'
    expect(await pruneAuditEvents()).toBe(0)
    process.env.AUDIT_RETENTION_DAYS = '30'
    expect(await pruneAuditEvents()).toBe(1)
    const names = (await log({ action: 'sign-in' })).map((e) => e.actorName)
    expect(names).toContain('recent')
    expect(names).not.toContain('old')
  })

  it('exports CSV that a spreadsheet will not run as formulas', async () => {
    await recordAuditEvent({
      actor: { name: '=HYPERLINK("http://evil")' },
      action: 'sign-in-failed',
      detail: '+1,2',
    })
    const csv = auditEventsToCsv(await log({ who: 'HYPERLINK' }))
    const [header, row] = csv.trim().split('\n')
    expect(header).toBe('id,at,actorName,actorEmail,action,target,detail,address')
    expect(row).toContain(`"'=HYPERLINK(""http://evil"")"`)
    expect(row).toContain(`"'+1,2"`)
  })
})

describe('the audit filter', () => {
  it('drops NUL bytes from the name searched for, as every stored or searched text does', async () => {
    const filter = auditFilterInput.parse({ who: 'A\u0000da' })
    expect(filter.who).toBe('Ada')
    expect((await log(filter)).length).toBeGreaterThan(0)
  })
})
