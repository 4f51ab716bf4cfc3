import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '../db'
import { importRetro } from '../imports/import-retro'
import { previewRetro } from '../imports/preview-retro'
import { getInsights } from '../insights/get-insights'
import { insightsToCsv } from '../insights/insights-csv'
import { insightsInput } from '../insights/schemas'
import { changePostmortemStatus } from '../postmortems/change-status'
import { createPostmortem } from '../postmortems/create-postmortem'
import { findPostmortems, findTaxonomy } from '../postmortems/find-postmortems'
import { getPostmortem } from '../postmortems/get-postmortem'
import { savePostmortem } from '../postmortems/save-postmortem'
import { findPostmortemsInput, postmortemDocument, searchInput } from '../postmortems/schemas'
import { searchPostmortems } from '../postmortems/search-postmortems'
import { postmortemToMarkdown } from '../postmortems/to-markdown'
import type { Actor } from '../roles'
import { addFactor, setFactorArchived, updateFactor } from './edit-factors'
import { findFactors } from './find-factors'
import { person, unwrap } from '@/test/people'

/*
 * Contributing factors, end to end through the use cases: the admins' taxonomy (seeded by the
 * migration), a postmortem that carries some, the insights figure and filter, the list filter,
 * search, export and import.
 */

let admin: Actor
let editor: Actor
let viewer: Actor
let config: string
let capacity: string

async function published(title: string, doc: Record<string, unknown>) {
  const { number } = unwrap(await createPostmortem({ actor: editor, input: { title, launchId: null } }))
  unwrap(
    await savePostmortem({
      actor: editor,
      number,
      input: {
        baseVersion: 1,
        document: postmortemDocument.parse({ title, symptom: 'It broke', rootCause: 'Because', ...doc }),
      },
    }),
  )
  unwrap(await changePostmortemStatus({ actor: admin, number, to: 'IN_REVIEW' }))
  unwrap(await changePostmortemStatus({ actor: admin, number, to: 'PUBLISHED' }))
  return number
}

beforeAll(async () => {
  admin = await person('Admin', 'ADMIN')
  editor = await person('Eve', 'EDITOR')
  viewer = await person('Vic', 'VIEWER')
  const seeded = await findFactors({ actor: viewer })
  config = seeded.find((f) => f.name === 'Configuration · 配置')!.id
  capacity = seeded.find((f) => f.name === 'Capacity · 容量')!.id
})

describe('the contributing-factor taxonomy', () => {
  it('starts with the common factors, in both languages, offered to every role', async () => {
    const { factors } = await findTaxonomy({ actor: viewer })
    expect(factors.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'Change or deploy · 变更发布',
        'Configuration · 配置',
        'Monitoring gap · 监控缺失',
      ]),
    )
    expect(factors.length).toBeGreaterThanOrEqual(8)
    expect(factors.every((f) => !f.archived)).toBe(true)
  })

  it('only admins add, rename and archive factors; a taken name is refused on the name field', async () => {
    expect(
      await addFactor({ actor: editor, input: { name: 'Vendor lock-in', description: '' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    const { id } = unwrap(
      await addFactor({ actor: admin, input: { name: 'Vendor lock-in', description: 'x' } }),
    )
    expect(
      await addFactor({ actor: admin, input: { name: 'Vendor lock-in', description: '' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { name: 'factorNameTaken' } },
    })
    unwrap(
      await updateFactor({ actor: admin, id, input: { name: 'Vendor risk · 供应商风险', description: 'y' } }),
    )
    unwrap(await setFactorArchived({ actor: admin, id, archived: true }))
    const factor = (await findFactors({ actor: admin })).find((f) => f.id === id)
    expect(factor).toMatchObject({
      name: 'Vendor risk · 供应商风险',
      description: 'y',
      archived: true,
      uses: 0,
    })
    expect(await setFactorArchived({ actor: editor, id, archived: false })).toMatchObject({ ok: false })
    expect(
      await updateFactor({ actor: admin, id: 'no-such-id', input: { name: 'z', description: '' } }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const audit = await db.auditEvent.findMany({
      where: { target: `factor:${id}` },
      orderBy: { id: 'asc' },
    })
    expect(audit.map((a) => a.action)).toEqual(['factor-added', 'factor-changed', 'factor-archived'])
  })
})

describe('a postmortem with contributing factors', () => {
  let withBoth: number
  let withConfig: number
  let without: number
  beforeAll(async () => {
    withBoth = await published('Checkout pool exhausted after a config push', {
      factors: [config, capacity, '0196f2a0-0000-7000-8000-00000000dead'],
    })
    withConfig = await published('Wrong feature flag default', { factors: [config] })
    without = await published('Disk failed on the build host', {})
  })

  it('keeps the factors the taxonomy has (an unknown id is dropped), and the read view names them', async () => {
    const view = unwrap(await getPostmortem({ actor: viewer, number: withBoth }))
    expect(view.document.factors).toEqual([config, capacity].sort())
    expect(view.factors.map((f) => f.name).sort()).toEqual(['Capacity · 容量', 'Configuration · 配置'])
    expect((await findFactors({ actor: admin })).find((f) => f.id === config)?.uses).toBe(2)
  })

  it('insights count incidents by factor, name the ones without, filter by a factor, and export it as CSV', async () => {
    const all = unwrap(await getInsights({ actor: viewer, input: insightsInput.parse({}) }))
    expect(all.incidents.byFactor).toEqual([
      { id: config, name: 'Configuration · 配置', count: 2 },
      { id: capacity, name: 'Capacity · 容量', count: 1 },
    ])
    expect(all.incidents.withoutFactor).toBe(1)
    expect(insightsToCsv(all)).toContain('incidentsByFactor,Configuration · 配置,,2')
    const filtered = unwrap(
      await getInsights({ actor: viewer, input: insightsInput.parse({ factor: capacity }) }),
    )
    expect(filtered.incidents.total).toBe(1)
    expect(insightsInput.safeParse({ factor: 'capacity' }).success).toBe(false)
  })

  it('the list behind the figure shows the same postmortems', async () => {
    const page = await findPostmortems({
      actor: viewer,
      input: findPostmortemsInput.parse({ factor: config }),
    })
    expect(page.items.map((i) => i.number).sort()).toEqual([withBoth, withConfig].sort())
    expect(page.items.map((i) => i.number)).not.toContain(without)
  })

  it('search finds a postmortem by the name of its factor', async () => {
    const found = await searchPostmortems({ actor: viewer, input: searchInput.parse({ q: '容量' }) })
    expect(found.results.map((r) => r.number)).toContain(withBoth)
    expect(found.results.map((r) => r.number)).not.toContain(without)
  })

  it('a rename reaches every postmortem that carries the factor', async () => {
    unwrap(
      await updateFactor({
        actor: admin,
        id: capacity,
        input: { name: 'Capacity limits · 容量', description: '' },
      }),
    )
    const view = unwrap(await getPostmortem({ actor: viewer, number: withBoth }))
    expect(view.factors.map((f) => f.name)).toContain('Capacity limits · 容量')
    unwrap(
      await updateFactor({ actor: admin, id: capacity, input: { name: 'Capacity · 容量', description: '' } }),
    )
  })

  it('exports its factors by name, and an import of the export carries them again', async () => {
    const markdown = postmortemToMarkdown(unwrap(await getPostmortem({ actor: editor, number: withBoth })))
    expect(markdown).toMatch(/factors:\n\s+- Capacity · 容量\n\s+- Configuration · 配置/)
    const { numbers } = unwrap(await importRetro({ actor: editor, retro: unwrap(previewRetro(markdown)) }))
    const copy = unwrap(await getPostmortem({ actor: editor, number: numbers[0]! }))
    expect(copy.document.factors).toEqual([config, capacity].sort())
  })

  it('an imported retro gets the factors its root cause suggests', async () => {
    const retro = unwrap(
      previewRetro(
        '# Payment outage\n\n## Root cause\n\nA misconfigured connection pool was exhausted under the Monday peak.\n\n## Resolution\n\nWe raised the pool size.\n',
      ),
    )
    const { numbers } = unwrap(await importRetro({ actor: editor, retro }))
    const imported = unwrap(await getPostmortem({ actor: editor, number: numbers[0]! }))
    expect(imported.factors.map((f) => f.name).sort()).toEqual(['Capacity · 容量', 'Configuration · 配置'])
  })
})
