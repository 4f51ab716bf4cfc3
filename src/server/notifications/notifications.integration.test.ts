import { randomUUID } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { db } from '../db'
import type { Actor } from '../roles'
import { insertLaunch } from '../launches/create-launch'
import { addAdhocCheck } from '../checklists/add-adhoc-check'
import { assignOwner } from '../checklists/assign-owner'
import { changeLaunchStatus } from '../checklists/change-launch-status'
import { setCheckStatus } from '../checklists/set-check-status'
import { checkStatusInput, itemInput } from '../checklists/schemas'
import { changePostmortemStatus } from '../postmortems/change-status'
import { createPostmortem } from '../postmortems/create-postmortem'
import { savePostmortem } from '../postmortems/save-postmortem'
import { emptyDocument, type PostmortemDocument } from '../postmortems/schemas'
import { decodeMail } from '@/test/decode-mail'
import { processDueDeliveries } from './process-deliveries'
import { signature } from './send-webhook'
import { sweepOverdue } from './sweep-overdue'
import {
  createWebhookEndpoint,
  findWebhookEndpoints,
  removeWebhookEndpoint,
  setWebhookEnabled,
} from './webhook-endpoints'
import { queueWeeklyDigest } from './weekly-digest'
import { webhookEndpointInput } from './schemas'
import { person, unwrap } from '@/test/people'

/*
 * The whole path on a real database: a use case commits an event, the worker's pass POSTs it
 * to a webhook receiver started here (which checks the signature) and mails it through an SMTP
 * server started here, retrying after a failure.
 */

type Received = { headers: IncomingHttpHeaders; body: string }
type Mail = { to: string; raw: string }

const SECRET = 'a-secret-of-32-characters-at-least'
let receiver: Server
let receiverUrl: string
let received: Received[] = []
/** What the receiver answers next (then 200). */
let answers: number[] = []
let smtp: SMTPServer
let mails: Mail[] = []

let admin: Actor
let editor: Actor
let owner: Actor

/** A later moment: backoff waits are skipped by passing the worker a clock, never by sleeping. */
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000)

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (body += chunk))
    req.on('end', () => {
      received.push({ headers: req.headers, body })
      const code = answers.shift() ?? 200
      res.writeHead(code, { 'content-type': 'text/plain' }).end(code === 200 ? 'thanks' : 'receiver is down')
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`

  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = ''
      stream.setEncoding('utf8')
      stream.on('data', (chunk: string) => (raw += chunk))
      stream.on('end', () => {
        for (const to of session.envelope.rcptTo) mails.push({ to: to.address, raw })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}?ignoreTLS=true`
  process.env.WEBHOOK_ALLOW_PRIVATE = '1'

  admin = await person('Ada', 'ADMIN')
  editor = await person('Eve', 'EDITOR')
  owner = await person('Wang', 'EDITOR')
  await db.user.update({ where: { id: owner.id }, data: { locale: 'zh-CN' } })
})

afterAll(async () => {
  delete process.env.SMTP_URL
  delete process.env.WEBHOOK_ALLOW_PRIVATE
  await new Promise((resolve) => receiver.close(resolve))
  await new Promise<void>((resolve) => smtp.close(() => resolve()))
})

beforeEach(async () => {
  received = []
  answers = []
  mails = []
  for (const endpoint of await findWebhookEndpoints({ actor: admin }))
    await removeWebhookEndpoint({ actor: admin, id: endpoint.id })
  await db.notificationDelivery.deleteMany({})
})
afterEach(() => {
  process.env.WEBHOOK_ALLOW_PRIVATE = '1'
})

async function endpoint(events: string[], url = receiverUrl) {
  return unwrap(
    await createWebhookEndpoint({
      actor: admin,
      input: webhookEndpointInput.parse({ url, secret: SECRET, events, description: 'test' }),
    }),
  )
}

async function postmortemWithItem(ownerId: string | null, dueDate: string | null = null) {
  const { number } = unwrap(
    await createPostmortem({ actor: editor, input: { title: '缓存未更新', launchId: null } }),
  )
  const itemId = randomUUID()
  const document: PostmortemDocument = {
    ...emptyDocument('缓存未更新'),
    symptom: '签到列表不更新',
    rootCause: '缓存过期时间过长',
    actionItems: [{ id: itemId, title: '缩短缓存过期时间', ownerId, dueDate, status: 'OPEN', link: null }],
  }
  const saved = unwrap(await savePostmortem({ actor: editor, number, input: { baseVersion: 1, document } }))
  return { number, itemId, document, version: saved.version }
}

const bodies = () =>
  received.map((r) => JSON.parse(r.body) as { event: string; data: Record<string, unknown> })
const decoded = (mail: Mail) => decodeMail(mail.raw)

describe('webhooks', () => {
  it('POST a body signed with the endpoint secret when an action item is assigned, and retry after a 500', async () => {
    await endpoint(['action-item-assigned'])
    answers = [500]
    const { number, itemId } = await postmortemWithItem(owner.id, '2030-01-15')

    expect(await processDueDeliveries()).toBe(2) // the webhook and Wang's e-mail
    expect(received).toHaveLength(1)
    let [delivery] = (await findWebhookEndpoints({ actor: admin }))[0]!.deliveries
    expect(delivery).toMatchObject({ status: 'PENDING', attempts: 1, responseCode: 500 })
    expect(delivery!.responseExcerpt).toBe('receiver is down')

    // Not due again yet: nothing is sent now.
    expect(await processDueDeliveries()).toBe(0)
    // After the backoff, it is sent again and delivered.
    expect(await processDueDeliveries({ now: later(1) })).toBe(1)
    expect(received).toHaveLength(2)
    ;[delivery] = (await findWebhookEndpoints({ actor: admin }))[0]!.deliveries
    expect(delivery).toMatchObject({ status: 'DELIVERED', attempts: 2, responseCode: 200 })

    for (const { headers, body } of received) {
      expect(headers['x-hindsight-event']).toBe('action-item-assigned')
      expect(headers['x-hindsight-signature']).toBe(signature(SECRET, body))
      expect(headers['content-type']).toBe('application/json')
    }
    expect(received[0]!.body).toBe(received[1]!.body)
    expect(bodies()[0]).toMatchObject({
      event: 'action-item-assigned',
      data: {
        id: itemId,
        title: '缩短缓存过期时间',
        dueDate: '2030-01-15T00:00:00.000Z',
        owner: { id: owner.id, name: 'Wang', email: 'wang@example.com' },
        postmortem: { number, title: '缓存未更新' },
      },
    })
  })

  it('tells once per assignment: saving again without a new owner sends nothing, a new owner is news', async () => {
    await endpoint(['action-item-assigned'])
    const { number, document, version } = await postmortemWithItem(owner.id)
    await processDueDeliveries()
    expect(received).toHaveLength(1)

    const again = { ...document, summary: 'more text' }
    const v3 = unwrap(
      await savePostmortem({ actor: editor, number, input: { baseVersion: version, document: again } }),
    )
    await processDueDeliveries()
    expect(received).toHaveLength(1)

    const reassigned = { ...again, actionItems: again.actionItems.map((a) => ({ ...a, ownerId: admin.id })) }
    unwrap(
      await savePostmortem({
        actor: editor,
        number,
        input: { baseVersion: v3.version, document: reassigned },
      }),
    )
    await processDueDeliveries()
    expect(bodies().map((b) => (b.data.owner as { name: string }).name)).toEqual(['Wang', 'Ada'])
  })

  it('sends each delivery once when two workers (two app instances) take due deliveries at the same time', async () => {
    await endpoint(['action-item-assigned'])
    const { number } = unwrap(
      await createPostmortem({ actor: editor, input: { title: '十二个改进项', launchId: null } }),
    )
    const document: PostmortemDocument = {
      ...emptyDocument('十二个改进项'),
      actionItems: Array.from({ length: 12 }, (_, i) => ({
        id: randomUUID(),
        title: `item ${i}`,
        ownerId: owner.id,
        dueDate: null,
        status: 'OPEN' as const,
        link: null,
      })),
    }
    unwrap(await savePostmortem({ actor: editor, number, input: { baseVersion: 1, document } }))
    const [a, b] = await Promise.all([processDueDeliveries({ limit: 3 }), processDueDeliveries({ limit: 3 })])
    expect(a + b).toBe(24) // 12 webhooks and 12 e-mails to Wang
    const ids = received.map((r) => r.headers['x-hindsight-delivery'])
    expect(ids).toHaveLength(12)
    expect(new Set(ids).size).toBe(12)
    expect(mails).toHaveLength(12)
    expect(await db.notificationDelivery.count({ where: { status: { not: 'DELIVERED' } } })).toBe(0)
  })

  it('gives up after 5 tries and marks the delivery failed', async () => {
    await endpoint(['postmortem-submitted'])
    answers = [500, 502, 503, 500, 500, 200]
    const { number } = await postmortemWithItem(owner.id)
    unwrap(await changePostmortemStatus({ actor: editor, number, to: 'IN_REVIEW' }))
    for (let pass = 0; pass < 8; pass++) await processDueDeliveries({ now: later(60 * (pass + 1)) })
    expect(received).toHaveLength(5)
    const [delivery] = (await findWebhookEndpoints({ actor: admin }))[0]!.deliveries
    expect(delivery).toMatchObject({ status: 'FAILED', attempts: 5, responseCode: 500 })
  })

  it('only sends the events an endpoint subscribed to, and nothing to a paused one', async () => {
    await endpoint(['postmortem-published'])
    const paused = await endpoint(['postmortem-published'])
    unwrap(await setWebhookEnabled({ actor: admin, id: paused.id, enabled: false }))
    const { number } = await postmortemWithItem(owner.id)
    unwrap(await changePostmortemStatus({ actor: editor, number, to: 'IN_REVIEW' }))
    unwrap(await changePostmortemStatus({ actor: admin, number, to: 'PUBLISHED' }))
    await processDueDeliveries()
    expect(bodies()).toEqual([
      expect.objectContaining({
        event: 'postmortem-published',
        data: { number, title: '缓存未更新', by: 'Ada' },
      }),
    ])
  })

  it('refuses loopback and private addresses unless WEBHOOK_ALLOW_PRIVATE is set', async () => {
    delete process.env.WEBHOOK_ALLOW_PRIVATE
    await endpoint(['action-item-assigned'])
    await endpoint(['action-item-assigned'], receiverUrl.replace('127.0.0.1', 'localhost'))
    await postmortemWithItem(owner.id)
    await processDueDeliveries()
    expect(received).toHaveLength(0)
    const excerpts = (await findWebhookEndpoints({ actor: admin })).map(
      (e) => e.deliveries[0]!.responseExcerpt,
    )
    for (const excerpt of excerpts) expect(excerpt).toMatch(/private or loopback/)
    expect(
      webhookEndpointInput.safeParse({
        url: 'file:///etc/passwd',
        secret: SECRET,
        events: ['action-item-assigned'],
      }).success,
    ).toBe(false)
    expect(
      webhookEndpointInput.safeParse({ url: 'gopher://x', secret: SECRET, events: ['action-item-assigned'] })
        .success,
    ).toBe(false)
  })
})

describe('e-mail', () => {
  it('tells the new owner in their language, and the authors when it is published', async () => {
    const { number } = await postmortemWithItem(owner.id, '2030-01-15')
    await processDueDeliveries()
    expect(mails.map((m) => m.to)).toEqual(['wang@example.com'])
    const assigned = decoded(mails[0]!)
    expect(assigned.subject).toBe('指派给你的改进项：缩短缓存过期时间')
    expect(assigned.text).toContain(`你现在负责 PM-${number}“缓存未更新”中的“缩短缓存过期时间”`)

    mails = []
    unwrap(await changePostmortemStatus({ actor: editor, number, to: 'IN_REVIEW' }))
    await processDueDeliveries()
    // Reviewers: editors and admins who did not write it (Eve wrote it and submitted it).
    expect(mails.map((m) => m.to).sort()).toEqual(['ada@example.com', 'wang@example.com'])
    expect(decoded(mails.find((m) => m.to === 'ada@example.com')!).subject).toBe(
      `PM-${number} is waiting for your review: 缓存未更新`,
    )

    mails = []
    unwrap(await changePostmortemStatus({ actor: admin, number, to: 'PUBLISHED' }))
    await processDueDeliveries()
    expect(mails.map((m) => m.to)).toEqual(['eve@example.com'])
    expect(decoded(mails[0]!).text).toContain(`Ada published PM-${number} “缓存未更新”, which you wrote.`)
  })

  it('sends nothing by e-mail without SMTP_URL, and the app works as before', async () => {
    const url = process.env.SMTP_URL
    delete process.env.SMTP_URL
    try {
      const { number } = await postmortemWithItem(owner.id)
      unwrap(await changePostmortemStatus({ actor: editor, number, to: 'IN_REVIEW' }))
      expect(await db.notificationDelivery.count()).toBe(0)
      expect(await queueWeeklyDigest()).toBeNull()
    } finally {
      process.env.SMTP_URL = url
    }
  })
})

describe('overdue action items', () => {
  it('are announced once per item and due date, by webhook and to their owner, and listed in the weekly digest', async () => {
    await endpoint(['action-item-overdue'])
    const { itemId } = await postmortemWithItem(owner.id, '2020-03-01')
    await processDueDeliveries()
    mails = []
    received = []

    expect(await sweepOverdue()).toBeGreaterThanOrEqual(1)
    expect(await sweepOverdue()).toBe(0)
    await processDueDeliveries()
    const overdue = bodies().filter((b) => b.data.id === itemId)
    expect(overdue).toHaveLength(1)
    expect(overdue[0]!.event).toBe('action-item-overdue')
    expect(received.every((r) => r.headers['x-hindsight-signature'] === signature(SECRET, r.body))).toBe(true)
    expect(
      mails.some((m) => m.to === 'wang@example.com' && decoded(m).subject === '已逾期：缩短缓存过期时间'),
    ).toBe(true)

    mails = []
    const people = await queueWeeklyDigest({ now: new Date('2031-06-02T09:00:00Z') })
    expect(people).toBeGreaterThanOrEqual(1)
    // Once a week, whichever instance asks first.
    expect(await queueWeeklyDigest({ now: new Date('2031-06-04T09:00:00Z') })).toBeNull()
    await processDueDeliveries()
    const digest = mails.filter((m) => m.to === 'wang@example.com').map(decoded)
    expect(digest).toHaveLength(1)
    expect(digest[0]!.subject).toMatch(/^\d+ 项改进项已逾期$/)
    expect(digest[0]!.text).toContain('• 缩短缓存过期时间 — 截止 2020年3月1日')
  })
})

describe('the overdue sweep', () => {
  it('finds new overdue items behind any number of items announced before', async () => {
    await postmortemWithItem(owner.id, '2019-01-01')
    await sweepOverdue()
    const { number } = unwrap(
      await createPostmortem({ actor: editor, input: { title: '三个逾期项', launchId: null } }),
    )
    const document: PostmortemDocument = {
      ...emptyDocument('三个逾期项'),
      actionItems: ['2025-01-01', '2025-02-01', '2025-03-01'].map((dueDate, i) => ({
        id: randomUUID(),
        title: `late ${i}`,
        ownerId: owner.id,
        dueDate,
        status: 'OPEN' as const,
        link: null,
      })),
    }
    unwrap(await savePostmortem({ actor: editor, number, input: { baseVersion: 1, document } }))
    // One item per page: the items announced before fill the first pages.
    expect(await sweepOverdue({ batch: 1 })).toBe(3)
    expect(await sweepOverdue({ batch: 1 })).toBe(0)
  })
})

describe('launch reviews', () => {
  it('announce the start, a failed required check (blocked) and readiness, each once', async () => {
    await endpoint(['launch-review-started', 'launch-review-blocked', 'launch-review-ready'])
    const name = `移动联盟 ${randomUUID().slice(0, 6)}`
    const launch = await db.$transaction((tx) =>
      insertLaunch(tx, { name, description: '', plannedAt: null, launchedAt: null }),
    )
    const check = unwrap(
      await addAdhocCheck({
        actor: editor,
        slug: launch.slug,
        input: itemInput.parse({ text: '核对索引', required: true }),
      }),
    )
    unwrap(await assignOwner({ actor: editor, checkId: check.id, ownerId: owner.id }))
    unwrap(
      await changeLaunchStatus({ actor: editor, slug: launch.slug, input: { to: 'IN_REVIEW', reason: '' } }),
    )
    const verdict = (status: object) =>
      setCheckStatus({ actor: editor, checkId: check.id, input: checkStatusInput.parse(status) })
    unwrap(await verdict({ status: 'FAIL', evidence: 'seq scan' }))
    unwrap(await verdict({ status: 'FAIL', evidence: 'still a seq scan' }))
    unwrap(await verdict({ status: 'PASS', evidence: 'EXPLAIN: index scan' }))
    await processDueDeliveries()
    expect(bodies().map((b) => b.event)).toEqual([
      'launch-review-started',
      'launch-review-blocked',
      'launch-review-ready',
    ])
    expect(bodies()[1]!.data).toMatchObject({
      slug: launch.slug,
      by: 'Eve',
      blocking: [{ text: '核对索引', status: 'FAIL', owner: 'Wang' }],
    })
    expect(mails.map((m) => decoded(m).subject)).toEqual([
      `上线评审开始：${name}`,
      `上线受阻：${name}`,
      `可以上线：${name}`,
    ])
  })
})

describe('the delivery log', () => {
  it('forgets what was sent or given up on after 90 days, but not what decides the next notification', async () => {
    // The other tests' rows are of today: within the 90 days.
    const now = new Date()
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000)
    const old = daysAgo(120)
    const recent = daysAgo(30)
    const event = (fields: { subject?: string; dedupeKey?: string; createdAt: Date }) =>
      db.notificationEvent.create({
        data: { type: 'prune-test', payload: {}, ...fields },
        select: { id: true },
      })
    const deliver = (eventId: string, status: 'PENDING' | 'DELIVERED' | 'FAILED', createdAt: Date) =>
      db.notificationDelivery.create({
        data: { eventId, channel: 'EMAIL', userId: owner.id, status, createdAt },
        select: { id: true },
      })
    const sentLongAgo = await event({ createdAt: old })
    const sent = await deliver(sentLongAgo.id, 'DELIVERED', old)
    const failedLongAgo = await event({ createdAt: old })
    const failed = await deliver(failedLongAgo.id, 'FAILED', old)
    const stillPending = await event({ createdAt: old })
    const pending = await deliver(stillPending.id, 'PENDING', old)
    const sentRecently = await event({ createdAt: recent })
    const recentDelivery = await deliver(sentRecently.id, 'DELIVERED', recent)
    const toldOnce = await event({ dedupeKey: `prune-test:${randomUUID()}`, createdAt: old })
    const subject = `prune-test:${randomUUID()}`
    const superseded = await event({ subject, createdAt: old })
    const newestOfSubject = await event({ subject, createdAt: new Date(old.getTime() + 60_000) })

    const { pruneNotifications } = await import('./prune-notifications')
    expect(await pruneNotifications({ now })).toEqual({ deliveries: 2, events: 3 })

    const deliveries = new Set(
      (await db.notificationDelivery.findMany({ select: { id: true } })).map((d) => d.id),
    )
    expect([sent, failed].some((d) => deliveries.has(d.id))).toBe(false)
    expect([pending, recentDelivery].every((d) => deliveries.has(d.id))).toBe(true)
    const events = new Set(
      (await db.notificationEvent.findMany({ where: { type: 'prune-test' }, select: { id: true } })).map(
        (e) => e.id,
      ),
    )
    expect([sentLongAgo, failedLongAgo, superseded].some((e) => events.has(e.id))).toBe(false)
    expect([stillPending, sentRecently, toldOnce, newestOfSubject].every((e) => events.has(e.id))).toBe(true)
  })
})
