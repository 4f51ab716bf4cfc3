// @every-database: similar incidents rank by each kind's text search.
import { beforeAll, describe, expect, it } from 'vitest'
import { importFixtures } from '@/test/import-fixtures'
import type { Actor } from '../roles'
import { changePostmortemStatus } from './change-status'
import { createPostmortem } from './create-postmortem'
import { getPostmortem } from './get-postmortem'
import { savePostmortem } from './save-postmortem'
import { findSimilar } from './find-similar'

const replicaLag = '线上部分用户出现签到完成但签到列表未更新的情况'
const slowScript = '老用户福利初始化脚本执行过慢'
let editor: Actor
let viewer: Actor
/** The seed retro's four incidents and the English fixtures, by title. */
const numbers: Record<string, number> = {}

const titles = async (text: string, actor = editor, exclude?: number) =>
  (await findSimilar({ actor, text, exclude })).map((r) => r.title)

beforeAll(async () => {
  const imported = await importFixtures()
  ;({ editor, viewer } = imported)
  Object.assign(numbers, imported.numbers)
})

/** A postmortem written after the seed: created, then its symptom saved. */
async function writePostmortem(title: string, symptom: string) {
  const created = await createPostmortem({ actor: editor, input: { title, launchId: null } })
  if (!created.ok) throw new Error('create')
  const pm = await getPostmortem({ actor: editor, number: created.data.number })
  if (!pm.ok) throw new Error('get')
  await savePostmortem({
    actor: editor,
    number: created.data.number,
    input: { baseVersion: pm.data.version, document: { ...pm.data.document, symptom } },
  })
}

describe('findSimilar (real database)', () => {
  it('finds the replica-lag incident for a stale-cache symptom written in English (glossary)', async () => {
    const found = await titles(
      'Check-in list wrong after signing in\nAfter a write the cache kept showing stale data\n',
    )
    expect(found).toContain(replicaLag)
    expect(found).not.toContain(slowScript)
  })

  it('still finds the Chinese incident when an English postmortem shares more of the words', async () => {
    await writePostmortem(
      'Cache empty after check-in',
      '签到列表未更新 (seen by Ada)\n\nUsers saw an empty check-in list (seen by Bo)',
    )
    const found = await titles(
      'Check-in list wrong after signing in\nAfter a write the cache kept showing stale data\n',
    )
    expect(found).toContain('Cache empty after check-in')
    expect(found).toContain(replicaLag)
  })

  it('finds an incident written in the same language by its distinctive words', async () => {
    const found = await findSimilar({
      actor: editor,
      text: '新功能上线后初始化脚本跑了一整晚，uid 字段没有索引，全表扫描',
    })
    expect(found[0]?.title).toBe(slowScript)
    // The passage that shares the most, with the shared words highlighted.
    const { sentence, highlights } = found[0]!
    expect(highlights.length).toBeGreaterThan(0)
    for (const [a, b] of highlights) expect(sentence.slice(a, b)).toMatch(/\S/)
  })

  it('lists none of the seed incidents for unrelated texts that share only common words', async () => {
    const unrelated = [
      '支付退款失败\n用户申请退款后，退款金额迟迟没有退回原支付账户，客服收到大量投诉\n第三方支付渠道的退款接口变更了签名方式',
      'Refunds stuck in pending\nCustomers who asked for a refund were never paid back; the payment provider rejected the refund requests\n',
      '会议室预订系统\n周一早上大家都订不到会议室，日历同步出错\n',
    ]
    for (const text of unrelated) expect(await titles(text), text).toEqual([])
  })

  it('needs at least two shared words: one rare word alone is not enough', async () => {
    expect(await titles('白名单')).toEqual([])
    expect(await titles('白名单 whitelist')).toEqual([]) // one concept in two languages
  })

  it('leaves out the postmortem being written, and shows viewers published postmortems only', async () => {
    const text = '老用户福利初始化脚本执行过慢，uid 没有建索引'
    expect(await titles(text, editor, numbers[slowScript])).not.toContain(slowScript)
    expect(await titles(text, viewer)).toEqual([])
    await changePostmortemStatus({ actor: editor, number: numbers[slowScript]!, to: 'IN_REVIEW' })
    await changePostmortemStatus({ actor: editor, number: numbers[slowScript]!, to: 'PUBLISHED' })
    expect(await titles(text, viewer)).toEqual([slowScript])
  })

  it('finds a postmortem written after the seed, from a symptom in the other words of its team', async () => {
    await writePostmortem('支付回调大量失败', '上线后支付回调大量失败，排查发现新机房的出口IP不在白名单里')
    const found = await findSimilar({
      actor: editor,
      text: '退款回调失败\n退款回调也失败了，新机房出口IP可能不在白名单\n',
    })
    expect(found[0]?.title).toBe('支付回调大量失败')
    expect(found[0]?.sentence).toContain('白名单')
  })
})
