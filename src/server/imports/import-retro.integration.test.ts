import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../roles'
import { db } from '../db'
import { getPostmortem } from '../postmortems/get-postmortem'
import { importRetro, importRetros } from './import-retro'
import { previewRetro } from './preview-retro'
import { withProposedFactors } from './propose-factors'
import type { ParsedRetro } from './parse-retro'
import { person } from '@/test/people'

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8')
let editor: Actor

beforeAll(async () => {
  editor = await person('Alice', 'EDITOR')
})

describe('importRetro (real database)', () => {
  it('saves the seed as one launch with four draft postmortems, every field in place', async () => {
    const preview = previewRetro(fixture('launch-retro-mobile-alliance-1.1.zh.md'))
    expect(preview.ok).toBe(true)
    if (!preview.ok) return
    const result = await importRetro({ actor: editor, retro: preview.data })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.data.numbers).toHaveLength(4)
    const launch = await db.launch.findUniqueOrThrow({
      where: { slug: result.data.launch!.slug },
      include: { postmortems: { select: { status: true } } },
    })
    expect(launch.name).toBe('移动联盟1.1版本上线总结回顾')
    expect(launch.postmortems.map((p) => p.status)).toEqual(['DRAFT', 'DRAFT', 'DRAFT', 'DRAFT'])

    const first = await getPostmortem({ actor: editor, number: result.data.numbers[0]! })
    const doc = first.ok ? first.data.document : null
    expect(doc?.title).toBe('老用户福利初始化脚本执行过慢')
    expect(doc?.hypotheses.map((h) => h.status)).toEqual([
      'ELIMINATED',
      'ELIMINATED',
      'ELIMINATED',
      'ELIMINATED',
      'CONFIRMED',
    ])
    expect(doc?.timeline.map((e) => e.kind)).toEqual(['OBSERVATION', 'ATTEMPT', 'RESULT'])
    expect(doc?.timeline[1]?.hypothesisId).toBe(doc?.hypotheses[0]?.id)
    expect(doc?.metric).toEqual({ label: 'mq上报速度', before: '0.6/s', after: '80/s' })
    expect(doc?.resolutionKind).toBe('TEMPORARY')
    expect(doc?.launchId).toBe(launch.id)

    const second = await getPostmortem({ actor: editor, number: result.data.numbers[1]! })
    expect(second.ok && second.data.document.actionItems.map((a) => [a.title, a.status])).toEqual([
      ['暂时关停108机器，待找到具体问题点之后再重新启用', 'OPEN'],
    ])
  })

  it('maps action-item owners to accounts by email, and keeps unknown owners in a labelled note', async () => {
    const preview = previewRetro(fixture('sre-style.en.md'))
    if (!preview.ok) throw new Error('preview failed')
    const result = await importRetro({ actor: editor, retro: preview.data })
    const pm = result.ok ? await getPostmortem({ actor: editor, number: result.data.numbers[0]! }) : null
    const doc = pm?.ok ? pm.data.document : null
    expect(doc?.actionItems.map((a) => a.ownerId)).toEqual([editor.id, null, null])
    expect(doc?.summary).toContain('Imported, not mapped')
    expect(doc?.summary).toContain('bob')
    expect(doc?.actionItems[2]?.status).toBe('DONE')
  })

  it('saves all or nothing: a failure in the third postmortem leaves no launch and no postmortem behind', async () => {
    const preview = previewRetro(fixture('launch-retro-mobile-alliance-1.1.zh.md'))
    if (!preview.ok) throw new Error('preview failed')
    const broken: ParsedRetro = {
      launch: { name: 'Half-imported launch' },
      postmortems: preview.data.postmortems.map((pm, i) =>
        i === 2 ? { ...pm, timeline: [{ kind: 'NOT_A_KIND' as never, text: 'x', hypothesis: null }] } : pm,
      ),
    }
    const before = await db.postmortem.count()
    expect(await importRetro({ actor: editor, retro: broken })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(await db.postmortem.count()).toBe(before)
    expect(await db.launch.count({ where: { name: 'Half-imported launch' } })).toBe(0)
  })

  it('proposes the factors a root cause suggests; what the reviewer keeps is what is saved', async () => {
    const source = [
      '# Checkout errors',
      '## Root cause',
      'The payments connection pool was exhausted after the nightly batch was deployed.',
      '## Resolution',
      'Restarted the batch with fewer workers.',
    ].join('\n\n')
    const preview = previewRetro(source)
    if (!preview.ok) throw new Error(preview.error.code)
    const proposed = await withProposedFactors(preview.data)
    // Seeded by the taxonomy's migration: "connection pool" is capacity, "deployed" a change.
    expect(proposed.postmortems[0]!.factors).toEqual(['Change or deploy · 变更发布', 'Capacity · 容量'])

    const factorsOf = async (factors: string[]) => {
      const retro = { ...proposed, postmortems: [{ ...proposed.postmortems[0]!, factors }] }
      const saved = await importRetro({ actor: editor, retro })
      if (!saved.ok) throw new Error(saved.error.code)
      const pm = await getPostmortem({ actor: editor, number: saved.data.numbers[0]! })
      return pm.ok ? pm.data.factors.map((f) => f.name) : null
    }
    // The reviewer unticks "change", keeps capacity; unticking all saves none.
    expect(await factorsOf(['Capacity · 容量'])).toEqual(['Capacity · 容量'])
    expect(await factorsOf([])).toEqual([])
  })

  it('refuses viewers, and documents that are empty, binary or without headings', async () => {
    const viewer: Actor = { ...editor, role: 'VIEWER' }
    const preview = previewRetro(fixture('free-form.en.md'))
    if (!preview.ok) throw new Error('preview failed')
    expect(await importRetro({ actor: viewer, retro: preview.data })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(previewRetro('')).toMatchObject({ ok: false, error: { message: 'EMPTY' } })
    expect(previewRetro('just words')).toMatchObject({ ok: false, error: { message: 'NO_STRUCTURE' } })
    expect(previewRetro('# x\u0000')).toMatchObject({ ok: false, error: { message: 'BINARY' } })
  })
})

describe('importRetro with hostile or hand-edited input', () => {
  it('leaves out javascript: links and out-of-order dates instead of failing, and says so', async () => {
    const markdown = [
      '---',
      'hindsight: 1',
      'title: Hand-edited export',
      'occurredAt: 2026-11-02T10:00:00.000Z',
      'resolvedAt: 2026-11-01T10:00:00.000Z',
      '---',
      '',
      '# PM-1 · Hand-edited export',
      '',
      '<!-- hindsight:action {"id":"x","status":"OPEN","owner":null,"due":null,"link":"javascript:alert(1)"} -->',
      '<!-- hindsight:field title -->',
      'Click me',
      '<!-- /hindsight:field -->',
    ].join('\n')
    const preview = previewRetro(markdown)
    if (!preview.ok) throw new Error('preview failed')
    const result = await importRetro({ actor: editor, retro: preview.data })
    expect(result.ok).toBe(true)
    const pm = result.ok ? await getPostmortem({ actor: editor, number: result.data.numbers[0]! }) : null
    const doc = pm?.ok ? pm.data.document : null
    expect(doc?.actionItems.map((a) => [a.title, a.link])).toEqual([['Click me', null]])
    expect(doc?.summary).toContain('Link left out')
    expect([doc?.occurredAt, doc?.resolvedAt]).toEqual(['2026-11-02T10:00:00.000Z', null])
  })
})

describe('importRetros: a folder in one transaction, each retro all or nothing', () => {
  const parsed = (name: string) => {
    const preview = previewRetro(fixture(name))
    if (!preview.ok) throw new Error(preview.error.message)
    return preview.data
  }

  it('saves every retro of a batch as it would alone, and a retro the database refuses takes no other with it', async () => {
    const before = await db.postmortem.count()
    const seed = parsed('launch-retro-mobile-alliance-1.1.zh.md')
    const sre = parsed('sre-style.en.md')
    // A retro the database refuses: this test database has a trigger that rejects its title.
    await db.$executeRawUnsafe(`CREATE FUNCTION refuse_title() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.title LIKE 'Refused:%' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$`)
    await db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_title BEFORE INSERT ON "Postmortem" FOR EACH ROW EXECUTE FUNCTION refuse_title()`,
    )
    const refused: ParsedRetro = {
      ...sre,
      postmortems: sre.postmortems.map((pm) => ({ ...pm, title: `Refused: ${pm.title}` })),
    }
    const results = await importRetros({
      actor: editor,
      retros: [seed, { ...sre, postmortems: [] }, refused, parsed('free-form.en.md')],
    })
    expect(results.map((r) => r.ok)).toEqual([true, false, false, true])
    expect(results[1]).toMatchObject({ error: { code: 'INVALID_INPUT', message: 'NO_STRUCTURE' } })
    expect(results[2]).toMatchObject({ error: { code: 'INVALID_INPUT' } })
    // The seed's four and the free-form one, numbered in order, nothing of the refused one.
    const numbers = results.flatMap((r) => (r.ok ? r.data.numbers : []))
    expect(numbers).toHaveLength(5)
    expect(await db.postmortem.count()).toBe(before + 5)
    const saved = await getPostmortem({ actor: editor, number: numbers[4]! })
    expect(saved.ok && saved.data.document.title).toBe(parsed('free-form.en.md').postmortems[0]!.title)
    const seedFirst = await getPostmortem({ actor: editor, number: numbers[0]! })
    expect(seedFirst.ok && seedFirst.data.document.hypotheses.length).toBeGreaterThan(0)
    expect(seedFirst.ok && seedFirst.data.document.launchId).toBeTruthy()
  })
})
