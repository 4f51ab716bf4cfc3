import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { person, unwrap } from '@/test/people'
import { createTemplate } from '../checklists/create-template'
import { itemInput } from '../checklists/schemas'
import { turnLessonIntoItem } from '../checklists/turn-lesson-into-item'
import { db } from '../db'
import { getInsights } from '../insights/get-insights'
import { insightsToCsv } from '../insights/insights-csv'
import { insightsInput } from '../insights/schemas'
import type { Actor } from '../roles'
import { changePostmortemStatus } from './change-status'
import { createPostmortem } from './create-postmortem'
import { reindexSearch } from './reindex-search'
import { refreshPendingRepeats } from './repeats'
import { savePostmortem } from './save-postmortem'
import { emptyDocument, type PostmortemDocument } from './schemas'

/*
 * Repeat incidents, written and published through the use cases: a pair is a later and an
 * earlier published incident on a shared service that are alike; each repeat is placed against
 * the check learned from the earlier incident.
 */

let editor: Actor
let viewer: Actor
let templateId: string

const POOL = {
  symptom: '支付回调大量超时，订单一直停在“处理中”，用户重复付款。',
  rootCause: '夜间对账批处理任务占满了数据库连接池，连接池耗尽后支付回调拿不到连接而超时。',
}

async function write(
  title: string,
  fields: Partial<PostmortemDocument> & { occurredAt: string },
  publish = true,
): Promise<{ number: number; document: PostmortemDocument; version: number }> {
  const pm = unwrap(await createPostmortem({ actor: editor, input: { title, launchId: null } }))
  const document = { ...emptyDocument(title), ...fields }
  const saved = unwrap(
    await savePostmortem({ actor: editor, number: pm.number, input: { baseVersion: 1, document } }),
  )
  if (publish) {
    unwrap(await changePostmortemStatus({ actor: editor, number: pm.number, to: 'IN_REVIEW' }))
    unwrap(await changePostmortemStatus({ actor: editor, number: pm.number, to: 'PUBLISHED' }))
  }
  return { number: pm.number, document, version: saved.version }
}

const insights = async (query: Record<string, string> = {}) =>
  unwrap(await getInsights({ actor: viewer, input: insightsInput.parse(query) })).loop.repeats

let a: number, b: number, d: number, e: number, f: number, g: number, h: number

beforeAll(async () => {
  editor = await person('Eve', 'EDITOR')
  viewer = await person('Vic', 'VIEWER')
  templateId = unwrap(
    await createTemplate({ actor: editor, input: { name: '上线检查', description: '' } }),
  ).id

  // The first: its lesson becomes a check on 2025-02-01.
  const lesson = { id: randomUUID(), text: '批处理任务使用独立的数据库连接池，并限制最大连接数' }
  a = (
    await write('支付回调超时', {
      ...POOL,
      services: ['payments'],
      lessons: [lesson],
      occurredAt: '2025-01-10T02:00:00.000Z',
    })
  ).number
  const item = unwrap(
    await turnLessonIntoItem({
      actor: editor,
      number: a,
      lessonId: lesson.id,
      input: { templateId, ...itemInput.parse({ text: lesson.text, required: true }) },
    }),
  )
  await db.checklistItem.update({
    where: { id: item.id },
    data: { createdAt: new Date('2025-02-01T00:00:00Z') },
  })

  // Before the check existed.
  b = (
    await write('支付回调再次超时', {
      ...POOL,
      services: ['payments'],
      occurredAt: '2025-01-20T03:00:00.000Z',
    })
  ).number
  // After it existed: told in English, on payments and orders.
  d = (
    await write('Payment callbacks timed out again', {
      symptom: 'Payment callbacks timed out and orders stayed in "processing"; users paid twice.',
      rootCause:
        'The reconciliation batch job took every connection of the database connection pool; with the pool exhausted the payment callbacks timed out.',
      services: ['payments', 'orders'],
      occurredAt: '2025-05-01T03:00:00.000Z',
    })
  ).number
  // The same story on another service: not a repeat.
  e = (await write('搜索回调超时', { ...POOL, services: ['search'], occurredAt: '2025-06-01T03:00:00.000Z' }))
    .number
  // Another story on the same service: not a repeat.
  f = (
    await write('证书过期', {
      symptom: '所有 HTTPS 请求握手失败，浏览器提示证书无效。',
      rootCause: '证书自动续期的定时任务被误删，证书到期后没有人发现。',
      services: ['payments'],
      occurredAt: '2025-07-01T03:00:00.000Z',
    })
  ).number
  // Two alike on a service no lesson of which became a check.
  const cache = {
    symptom: '商品详情页价格显示旧值，缓存未更新，用户按旧价格下单。',
    rootCause: '价格变更消息消费失败后没有重试，Redis 缓存中的价格一直没有失效。',
    services: ['catalog'],
  }
  g = (await write('价格缓存未更新', { ...cache, occurredAt: '2025-03-01T03:00:00.000Z' })).number
  h = (await write('价格缓存又未更新', { ...cache, occurredAt: '2025-08-01T03:00:00.000Z' })).number
  // A draft just like the first is never compared.
  await write(
    '支付回调超时（草稿）',
    { ...POOL, services: ['payments'], occurredAt: '2025-09-01T03:00:00.000Z' },
    false,
  )
})

describe('repeat incidents', () => {
  it('are compared after publication; until then the insights say how many wait', async () => {
    const waiting = await insights()
    expect(waiting.pending).toBe(7)
    expect(waiting.total).toBe(0)
    expect(await refreshPendingRepeats()).toBe(7)
    expect((await insights()).pending).toBe(0)
  })

  it('pair alike incidents on a shared service, in either language, each against the check learned from the earlier', async () => {
    const repeats = await insights()
    const by = (n: number) => repeats.incidents.find((i) => i.number === n)
    expect(repeats.incidents.map((i) => i.number).sort()).toEqual([b, d, h].sort())
    expect({
      total: repeats.total,
      after: repeats.after,
      before: repeats.before,
      without: repeats.without,
    }).toEqual({
      total: 3,
      after: 1,
      before: 1,
      without: 1,
    })
    // Newest incident first.
    expect(repeats.incidents.map((i) => i.number)).toEqual([h, d, b])

    expect(by(b)).toMatchObject({ when: 'before', title: '支付回调再次超时' })
    expect(by(b)!.earlier.map((x) => x.number)).toEqual([a])
    expect(by(b)!.earlier[0]).toMatchObject({
      services: ['payments'],
      check: { text: '批处理任务使用独立的数据库连接池，并限制最大连接数' },
    })
    expect(by(b)!.earlier[0]!.shared.length).toBeGreaterThanOrEqual(2)

    expect(by(d)!.when).toBe('after')
    expect(by(d)!.earlier.map((x) => x.number)).toContain(a)
    expect(by(d)!.earlier.find((x) => x.number === a)!.services).toEqual(['payments'])

    expect(by(h)).toMatchObject({
      when: 'without',
      earlier: [{ number: g, services: ['catalog'], check: null }],
    })
    for (const n of [a, e, f, g]) expect(by(n)).toBeUndefined()
  })

  it('are not compared again when the search documents are rebuilt the same (npm start after an upgrade)', async () => {
    expect(await reindexSearch()).toBeGreaterThanOrEqual(8)
    expect((await insights()).pending).toBe(0)
  })

  it('follow the filters: the repeats of one service, of a period', async () => {
    expect((await insights({ service: 'catalog' })).incidents.map((i) => i.number)).toEqual([h])
    expect((await insights({ from: '2025-01-01', to: '2025-01-31' })).incidents.map((i) => i.number)).toEqual(
      [b],
    )
  })

  it('are compared again when a published postmortem is rewritten', async () => {
    const row = await db.postmortem.findUniqueOrThrow({ where: { number: h }, select: { version: true } })
    const rewritten = {
      ...emptyDocument('结算页白屏'),
      symptom: '结算页白屏，前端脚本加载失败。',
      rootCause: 'CDN 回源配置错误，新版本的脚本文件返回 404。',
      services: ['catalog'],
      occurredAt: '2025-08-01T03:00:00.000Z',
    }
    unwrap(
      await savePostmortem({
        actor: editor,
        number: h,
        input: { baseVersion: row.version, document: rewritten },
      }),
    )
    expect((await insights()).pending).toBe(1)
    expect(await refreshPendingRepeats()).toBe(1)
    const repeats = await insights()
    expect(repeats.incidents.map((i) => i.number)).toEqual([d, b])
    expect(repeats.without).toBe(0)
  })

  it('are in the CSV', async () => {
    const figures = unwrap(await getInsights({ actor: viewer, input: insightsInput.parse({}) }))
    const csv = insightsToCsv(figures)
    expect(csv).toContain('repeats,after,,1')
    expect(csv).toContain('repeats,before,,1')
    expect(csv).toMatch(new RegExp(`repeats,incident,PM-${d},[12]\\n`))
  })
})
