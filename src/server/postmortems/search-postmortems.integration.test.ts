// @every-database: search reads the trigram and word indexes, whose behaviour follows each kind's build and locale.
import { beforeAll, describe, expect, it } from 'vitest'
import { importFixtures } from '@/test/import-fixtures'
import { writePostmortem } from '@/test/write-postmortem'
import { db } from '../db'
import type { Actor } from '../roles'
import { changePostmortemStatus } from './change-status'
import type { PostmortemDocument } from './schemas'
import { savePostmortem } from './save-postmortem'
import { getPostmortem } from './get-postmortem'
import { findPostmortemsInput, searchInput } from './schemas'
import { findPostmortems } from './find-postmortems'
import { reindexSearch } from './reindex-search'
import { searchPostmortems } from './search-postmortems'

let editor: Actor
let viewer: Actor
const titles: Record<string, number> = {}

async function search(q: string, actor = editor, extra: Record<string, string> = {}) {
  return searchPostmortems({ actor, input: searchInput.parse({ q, ...extra }) })
}
const found = async (q: string) => (await search(q)).results.map((r) => r.title)

beforeAll(async () => {
  const imported = await importFixtures()
  ;({ editor, viewer } = imported)
  Object.assign(titles, imported.numbers)
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
    // Newest incident first, by when it occurred, else was detected, else the day it was written.
    const other = '线上部分用户出现签到完成但签到列表未更新的情况'
    const byRelevance = (await search('主从', editor)).results.map((r) => r.title)
    const byDate = (await search('主从', editor, { sort: 'date' })).results.map((r) => r.title)
    expect(byRelevance.slice(0, 2)).toEqual([other, title])
    // Its incident date (Oct 31) is older than the others' (undated: the day they were written).
    expect(byDate.at(-1)).toBe(title)
    expect(byDate.indexOf(other)).toBeLessThan(byDate.indexOf(title))
  })

  it('filters a period by the incident date, as the list does', async () => {
    // One known only by when it was detected, one by when it occurred: both in the period.
    const detected = await writePostmortem(editor, '告警阈值漂移导致巡检遗漏', {
      symptom: '巡检告警没有触发',
      detectedAt: '2024-03-10T08:00:00.000Z',
    })
    const occurred = await writePostmortem(editor, '巡检脚本超时', {
      symptom: '巡检任务堆积',
      occurredAt: '2024-03-20T08:00:00.000Z',
    })
    const period = { from: '2024-03-01', to: '2024-03-31' }
    const searched = (await search('巡检', editor, period)).results.map((r) => r.number)
    expect(searched.sort()).toEqual([detected, occurred].sort())
    const listed = await findPostmortems({ actor: editor, input: findPostmortemsInput.parse(period) })
    expect(listed.items.map((p) => p.number)).toEqual(expect.arrayContaining(searched))
    expect((await search('巡检', editor, { from: '2024-04-01' })).results).toEqual([])
  })

  it('finds Chinese phrases exactly, and mixed queries with every term', async () => {
    expect((await found('主从延迟'))[0]).toBe('线上部分用户出现签到完成但签到列表未更新的情况')
    expect(await found('uid 索引')).toEqual(['老用户福利初始化脚本执行过慢'])
  })

  it('shows those holding some of the words, marked partial and with a snippet, when none holds every word', async () => {
    const { results } = await search('主从延迟 curl')
    expect(results.filter((r) => !r.partial)).toEqual([])
    expect(results.map((r) => r.title)).toEqual(
      expect.arrayContaining([
        '线上部分用户出现签到完成但签到列表未更新的情况',
        '生产环境发布后出现成长值明细4G网络大概率获取不到数据的情况',
      ]),
    )
    for (const r of results) expect(r.snippets.length, r.title).toBeGreaterThan(0)
    // One word that nothing holds still finds nothing.
    expect(await found('zzqxv')).toEqual([])
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

  it('quotes the lists of an upgraded database once npm start has rebuilt its search documents', async () => {
    // Upgraded to the column that keeps the lists' texts (decision 065): no row has it yet.
    await db.$executeRaw`UPDATE "Postmortem" SET "snippetSource" = NULL`
    const fields = async () => (await search('白名单')).results[0]!.snippets.map((s) => s.field)
    expect(await fields()).not.toContain('hypothesis')
    await reindexSearch()
    expect(await fields()).toContain('hypothesis')
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

describe('kept searches (decision 054)', () => {
  it('are asked again once anything they read changes, even by plain SQL, and are kept per kind of reader', async () => {
    const title = '线上部分用户出现签到完成但签到列表未更新的情况'
    const number = titles[title]!
    const setStatus = (status: string) =>
      db.$executeRaw`UPDATE "Postmortem" SET status = ${status}::"PostmortemStatus" WHERE number = ${number}`
    const [{ status }] = await db.$queryRaw<[{ status: string }]>`
      SELECT status::text FROM "Postmortem" WHERE number = ${number}`
    const foundBy = async (actor: Actor) => (await search('缓存', actor)).results.map((r) => r.title)
    try {
      await setStatus('PUBLISHED')
      expect(await foundBy(viewer)).toContain(title)
      await setStatus('DRAFT')
      // A viewer does not see drafts; an editor still finds it, under the same query.
      expect(await foundBy(viewer)).not.toContain(title)
      expect(await foundBy(editor)).toContain(title)
      await setStatus('PUBLISHED')
      expect(await foundBy(viewer)).toContain(title)
    } finally {
      await setStatus(status)
    }
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

/** Creates a postmortem and saves the given fields into it; returns its number. */
const write = (title: string, fields: Partial<PostmortemDocument>) => writePostmortem(editor, title, fields)

const hypothesis = (statement: string, status: 'OPEN' | 'ELIMINATED' | 'CONFIRMED', evidence = '') => ({
  id: crypto.randomUUID(),
  statement,
  status,
  evidence,
})

describe('searchPostmortems in the other language', () => {
  it("keeps a glossary phrase's two English words together, a few words apart at most", async () => {
    await write('Nightly export stalled', { symptom: 'The export job timed out after 30 minutes.' })
    await write('Billing run stalled', { symptom: 'The run was timing it out on every retry.' })
    await write('Onboarding guide rewrite', {
      symptom: 'It took a long time to find the owner of each page; we found out only from the commit log.',
    })
    const response = await search('超时')
    const titles = response.results.map((r) => r.title)
    expect(titles).toEqual(expect.arrayContaining(['Nightly export stalled', 'Billing run stalled']))
    // "time" and "out" far apart are not a timeout.
    expect(titles).not.toContain('Onboarding guide rewrite')
    const snippet = response.results.find((r) => r.title === 'Nightly export stalled')!.snippets[0]!
    expect(snippet.highlights.map(([a, b]) => snippet.text.slice(a, b))).toEqual(['timed out'])
  })
})

describe('searchPostmortems with typos', () => {
  it('finds an English word with one or two letters wrong, and says what it searched for', async () => {
    const response = await search('replcation')
    expect(response.corrections).toEqual([{ from: 'replcation', to: 'replication' }])
    expect(response.results.map((r) => r.title)).toEqual(['Search latency spike during reindex'])
    expect(response.results[0]!.snippets.some((s) => /replication/i.test(s.text))).toBe(true)
    // The corrected query goes through the glossary too (主从延迟), ranked below the corrected one.
    const titles = (await search('replcation lag')).results.map((r) => r.title)
    expect(titles[0]).toBe('Search latency spike during reindex')
    expect(titles).toContain('线上部分用户出现签到完成但签到列表未更新的情况')
    // A swap and a missing letter in one word.
    expect((await search('REPILCAION lag')).results.map((r) => r.title)[0]).toBe(
      'Search latency spike during reindex',
    )
    expect((await search('overides')).results.map((r) => r.title)).toContain(
      'Postmortem: Checkout API outage after config push',
    )
  })

  it('corrects to a glossary word too, so a typo finds a retro written in the other language', async () => {
    const response = await search('whitlist') // no retro says "whitelist"; the glossary does (白名单)
    expect(response.corrections).toEqual([{ from: 'whitlist', to: 'whitelist' }])
    expect(response.results.map((r) => r.title)).toContain(
      '生产环境发布后出现成长值明细4G网络大概率获取不到数据的情况',
    )
  })

  it('corrects by the vocabulary as it is now, not as it was when the search was first asked', async () => {
    // "overrides" is in a retro, not in the glossary: only the vocabulary knows it.
    const corrected = [{ from: 'overides', to: 'overrides' }]
    expect((await search('overides')).corrections).toEqual(corrected)
    // What a rebuild of the search index does first (reindex-search.ts), alone in its statement.
    await db.$executeRaw`DELETE FROM "SearchWord"`
    try {
      expect((await search('overides')).corrections).toEqual([])
    } finally {
      await reindexSearch()
    }
    expect((await search('overides')).corrections).toEqual(corrected)
  })

  it('leaves words that are indexed (or start one) alone, and does not correct short words', async () => {
    expect((await search('replication')).corrections).toEqual([])
    expect((await search('replicas')).corrections).toEqual([]) // stem of an indexed word
    expect((await search('dead')).corrections).toEqual([])
    // No English retro says "cache", but the glossary does: it finds 缓存, it is no typo.
    expect((await search('cache')).corrections).toEqual([])
    expect((await search('curk')).results).toEqual([]) // four letters: no guess
    expect((await search('zzzzqqqq')).results).toEqual([]) // nothing close
  })

  it('searches a word as typed once a postmortem contains it (the vocabulary cannot tell a typo from a word)', async () => {
    await write('Replcation typo kept as written', { summary: 'Someone wrote replcation in the notes.' })
    const response = await search('replcation')
    expect(response.corrections).toEqual([])
    expect(response.results.map((r) => r.title)).toEqual(['Replcation typo kept as written'])
  })

  it('learns the words of every save', async () => {
    expect((await search('kubernets')).results).toEqual([])
    await write('Pods evicted', { symptom: 'Kubernetes evicted every pod on the node' })
    expect((await search('kubernets')).results.map((r) => r.title)).toEqual(['Pods evicted'])
  })
})

describe('searchPostmortems scoped to hypotheses or confirmed root causes', () => {
  let numbers: Record<'symptom' | 'eliminated' | 'evidence' | 'rootCause', number>

  beforeAll(async () => {
    numbers = {
      symptom: await write('蓝鲸 in the symptom', { symptom: '蓝鲸 jobs piled up' }),
      eliminated: await write('蓝鲸 in an eliminated hypothesis', {
        hypotheses: [hypothesis('The 蓝鲸 scheduler was down', 'ELIMINATED', 'It was up')],
      }),
      evidence: await write('蓝鲸 in the evidence of a confirmed hypothesis', {
        hypotheses: [hypothesis('Workers were starved', 'CONFIRMED', 'The 蓝鲸 queue held 80k jobs')],
      }),
      rootCause: await write('蓝鲸 in the root cause', { rootCause: 'The 蓝鲸 queue had no consumer limit' }),
    }
  })

  const numbersFor = async (q: string, scope?: string) =>
    (await search(q, editor, scope ? { scope } : {})).results.map((r) => r.number).sort((a, b) => a - b)

  it('keeps only postmortems whose hypotheses (statement or evidence) match', async () => {
    expect(await numbersFor('蓝鲸')).toHaveLength(4)
    expect(await numbersFor('蓝鲸', 'hypotheses')).toEqual([numbers.eliminated, numbers.evidence])
    const response = await search('蓝鲸', editor, { scope: 'hypotheses' })
    expect(response.results.flatMap((r) => r.snippets.map((s) => s.field))).toEqual([
      'hypothesis',
      'hypothesis',
    ])
  })

  it('keeps only postmortems whose root cause or confirmed hypotheses match', async () => {
    expect(await numbersFor('蓝鲸', 'confirmed')).toEqual([numbers.evidence, numbers.rootCause])
    // Every word must be in the scope: "scheduler" is only in an eliminated hypothesis.
    expect(await numbersFor('蓝鲸 scheduler', 'confirmed')).toEqual([])
    expect(await numbersFor('蓝鲸 scheduler', 'hypotheses')).toEqual([numbers.eliminated])
  })

  it('follows the verdict when a hypothesis is confirmed later', async () => {
    const pm = await getPostmortem({ actor: editor, number: numbers.eliminated })
    if (!pm.ok) throw new Error('missing')
    await savePostmortem({
      actor: editor,
      number: numbers.eliminated,
      input: {
        baseVersion: pm.data.version,
        document: {
          ...pm.data.document,
          hypotheses: pm.data.document.hypotheses.map((h) => ({ ...h, status: 'CONFIRMED' as const })),
        },
      },
    })
    expect(await numbersFor('蓝鲸 scheduler', 'confirmed')).toEqual([numbers.eliminated])
  })

  it('ignores an unknown scope in the URL', async () => {
    expect(await numbersFor('蓝鲸', 'everything')).toHaveLength(4)
  })
})

describe('searchPostmortems says why every result matched', () => {
  const explained = (r: { snippets: { text: string; highlights: [number, number][] }[] }) =>
    r.snippets.some((s) => s.highlights.some(([a, b]) => b > a && s.text.slice(a, b).trim()))

  it('gives every result a highlighted snippet: same language, glossary, stems, typos, title only, sentences', async () => {
    await write('Primary failover drill', {}) // the title alone holds "primary" (主库 in the glossary)
    await write('Keys rotated', { summary: 'Every deploy retried the keys' }) // stems: deploi, retri, kei
    await write('标签和服务', { tags: ['主库切换'], services: ['checkout'] })
    const queries = [
      '主库', // glossary: primary, master
      'primary',
      '索引',
      '缓存',
      '主从',
      '主从延迟',
      'replication lag', // → 主从延迟 in a Chinese retro
      'whitelist', // → 白名单
      'whitlist', // typo → whitelist → 白名单
      'replcation lag',
      'deploy',
      'retry',
      'key',
      'checkout',
      '4G网络',
      'uid 索引',
      'mq上报速度',
      'curl',
      'the cache kept showing stale data after a write', // a sentence: the postmortems that share most of it
      '新机房出口IP不在白名单导致回调失败',
    ]
    const missing: string[] = []
    for (const q of queries) {
      const { results } = await search(q)
      for (const r of results) if (!explained(r)) missing.push(`${q} → ${r.title}`)
    }
    expect(missing).toEqual([])
    // The glossary-only and title-only matches are among them, each with its reason.
    const primary = (await search('主库')).results.find((r) => r.title === 'Primary failover drill')
    expect(primary?.snippets).toEqual([
      { field: 'title', text: 'Primary failover drill', highlights: [[0, 7]] },
    ])
    const tagged = (await search('checkout')).results.find((r) => r.title === '标签和服务')
    expect(tagged?.snippets[0]).toMatchObject({ field: 'service', text: 'checkout' })
    const keys = (await search('key')).results.find((r) => r.title === 'Keys rotated')
    expect(keys?.snippets.map((s) => s.text)).toContain('Every deploy retried the keys')
  })

  it('finds a question typed as a sentence by the words it shares, after those that hold every word', async () => {
    const { results } = await search('after a write the cache kept showing stale data')
    const found = results.find((r) => r.title === '线上部分用户出现签到完成但签到列表未更新的情况')
    expect(found?.partial).toBe(true)
    // Those that hold every word come first.
    expect(results.findIndex((r) => r.partial)).not.toBeLessThan(results.filter((r) => !r.partial).length)
  })
})
