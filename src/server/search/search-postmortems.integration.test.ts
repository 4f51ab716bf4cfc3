import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../auth/roles'
import { db } from '../db'
import { importRetro } from '../imports/import-retro'
import { previewRetro } from '../imports/preview-retro'
import { changePostmortemStatus } from '../postmortems/change-status'
import { savePostmortem } from '../postmortems/save-postmortem'
import { getPostmortem } from '../postmortems/get-postmortem'
import { searchInput, searchPostmortems } from './search-postmortems'

const fixtures = path.join(import.meta.dirname, '..', 'imports', 'fixtures')
let editor: Actor
let viewer: Actor
const titles: Record<string, number> = {}

async function search(q: string, actor = editor, extra: Record<string, string> = {}) {
  return searchPostmortems({ actor, input: searchInput.parse({ q, ...extra }) })
}
const found = async (q: string) => (await search(q)).results.map((r) => r.title)

beforeAll(async () => {
  editor = await db.user.create({
    data: { id: 'ed', name: 'Ed', email: 'ed@example.com', role: 'EDITOR' },
    select: { id: true, name: true, email: true, role: true },
  })
  viewer = { ...editor, id: 'vi', role: 'VIEWER' }
  for (const file of [
    'launch-retro-mobile-alliance-1.1.zh.md',
    'sre-style.en.md',
    'timeline-heavy.en.md',
    'free-form.en.md',
  ]) {
    const preview = previewRetro(readFileSync(path.join(fixtures, file), 'utf8'))
    if (!preview.ok) throw new Error(file)
    const saved = await importRetro({ actor: editor, retro: preview.data })
    if (!saved.ok) throw new Error(file)
    for (const number of saved.data.numbers) {
      const pm = await getPostmortem({ actor: editor, number })
      if (pm.ok) titles[pm.data.document.title] = number
    }
  }
})

describe('searchPostmortems (real database)', () => {
  it('finds a two-character Chinese word inside a sentence', async () => {
    expect((await found('索引'))[0]).toBe('老用户福利初始化脚本执行过慢')
    expect(await found('缓存')).toContain('线上部分用户出现签到完成但签到列表未更新的情况')
  })

  it('treats the empty values of the filter form ("All") as no filter', async () => {
    const filtered = await search('索引', editor, { launch: '', severity: '', status: '' })
    expect(filtered.results.map((r) => r.title)).toContain('老用户福利初始化脚本执行过慢')
  })

  it('filters by tag, service, root-cause category and date', async () => {
    const title = '老用户福利初始化脚本执行过慢'
    const number = titles[title]!
    const pm = await getPostmortem({ actor: editor, number })
    if (!pm.ok) throw new Error('missing')
    await savePostmortem({
      actor: editor,
      number,
      input: {
        baseVersion: pm.data.version,
        document: {
          ...pm.data.document,
          tags: ['mysql'],
          services: ['welfare'],
          rootCauseCategory: 'SCHEMA',
          occurredAt: '2026-10-31T23:00:00.000Z',
        },
      },
    })
    const titlesFor = async (extra: Record<string, string>) =>
      (await search('索引', editor, extra)).results.map((r) => r.title)
    expect(await titlesFor({ tag: 'mysql' })).toEqual([title])
    expect(await titlesFor({ tag: 'redis' })).toEqual([])
    expect(await titlesFor({ service: 'welfare', category: 'SCHEMA' })).toEqual([title])
    expect(await titlesFor({ category: 'CODE' })).toEqual([])
    expect(await titlesFor({ from: '2026-10-31', to: '2026-10-31' })).toEqual([title])
    expect(await titlesFor({ from: '2026-11-01' })).toEqual([])
    // Newest incident first, by occurrence date or else the day it was written.
    const other = '线上部分用户出现签到完成但签到列表未更新的情况'
    const byRelevance = (await search('主从', editor)).results.map((r) => r.title)
    const byDate = (await search('主从', editor, { sort: 'date' })).results.map((r) => r.title)
    expect(byRelevance.slice(0, 2)).toEqual([other, title])
    // Its incident date (Oct 31) is older than the others' (undated: the day they were written).
    expect(byDate.at(-1)).toBe(title)
    expect(byDate.indexOf(other)).toBeLessThan(byDate.indexOf(title))
  })

  it('finds Chinese phrases exactly, and mixed queries with every term', async () => {
    expect((await found('主从延迟'))[0]).toBe('线上部分用户出现签到完成但签到列表未更新的情况')
    expect(await found('uid 索引')).toEqual(['老用户福利初始化脚本执行过慢'])
    expect(await found('主从延迟 curl')).toEqual([])
  })

  it('stems English and ignores case', async () => {
    expect(await found('REPLICAS')).toContain('Search latency spike during reindex')
    expect(await found('overrides')).toContain('Postmortem: Checkout API outage after config push')
  })

  it('ranks a title match above a match deep in the text', async () => {
    const results = (await search('reindex')).results
    expect(results[0]?.title).toBe('Search latency spike during reindex')
  })

  it('says which field matched, with the hypothesis verdict, and highlights the words', async () => {
    const result = (await search('白名单')).results[0]!
    expect(result.title).toBe('生产环境发布后出现成长值明细4G网络大概率获取不到数据的情况')
    const snippet = result.snippets.find((s) => s.field === 'hypothesis')!
    expect(snippet.status).toBe('ELIMINATED')
    const [[a, b]] = snippet.highlights as [[number, number]]
    expect(snippet.text.slice(a, b)).toBe('白名单')
  })

  it('keeps the index in step with every save', async () => {
    const number = titles['Login emails delayed']!
    const pm = await getPostmortem({ actor: editor, number })
    if (!pm.ok) throw new Error('missing')
    expect(await found('蓝莓')).toEqual([])
    await savePostmortem({
      actor: editor,
      number,
      input: {
        baseVersion: pm.data.version,
        document: { ...pm.data.document, impact: '蓝莓计划的邮件全部延迟' },
      },
    })
    expect(await found('蓝莓')).toEqual(['Login emails delayed'])
  })

  it('shows viewers published postmortems only, and filters by status', async () => {
    expect((await search('索引', viewer)).results).toEqual([])
    const number = titles['老用户福利初始化脚本执行过慢']!
    await changePostmortemStatus({ actor: editor, number, to: 'IN_REVIEW' })
    await changePostmortemStatus({ actor: editor, number, to: 'PUBLISHED' })
    expect((await search('索引', viewer)).results.map((r) => r.number)).toEqual([number])
    expect((await search('索引', editor, { status: 'DRAFT' })).results.map((r) => r.number)).not.toContain(
      number,
    )
  })
})

describe('searchPostmortems across languages', () => {
  it('finds a Chinese retro for an English query, ranked below exact-language matches', async () => {
    const english = (await search('replication lag')).results.map((r) => r.title)
    expect(english[0]).toBe('Search latency spike during reindex') // says "Replication lag" itself
    expect(english).toContain('线上部分用户出现签到完成但签到列表未更新的情况') // 主从延迟
    const chinese = (await search('白名单')).results.map((r) => r.title)
    expect(chinese[0]).toBe('生产环境发布后出现成长值明细4G网络大概率获取不到数据的情况')
    expect((await search('whitelist')).results.map((r) => r.title)).toContain(
      '生产环境发布后出现成长值明细4G网络大概率获取不到数据的情况',
    )
  })
})
