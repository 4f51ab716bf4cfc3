import { beforeAll, describe, expect, it } from 'vitest'
import { importFixtures } from '@/test/import-fixtures'
import { writePostmortem } from '@/test/write-postmortem'
import { searchInput } from '../postmortems/schemas'
import { searchPostmortems } from '../postmortems/search-postmortems'
import type { Actor } from '../roles'
import { queryForms } from './query-forms'

/*
 * A typed word is a prefix of the longer words the archive holds ("dead" finds "deadlock"); a
 * word that nothing longer begins with is searched as itself, which the word index reads far
 * faster (whole-words.ts).
 */
let editor: Actor

beforeAll(async () => {
  ;({ editor } = await importFixtures())
  await writePostmortem(editor, 'Orders stuck behind a deadlock', {
    symptom: 'Two writers took the rows in opposite orders: a deadlock.',
  })
  await writePostmortem(editor, 'Consumer lag on the event bus', {
    symptom: 'The kafka consumers fell behind after the SSD filled up.',
  })
})

const titles = async (q: string) =>
  (await searchPostmortems({ actor: editor, input: searchInput.parse({ q }) })).results.map((r) => r.title)

describe('typed words', () => {
  it('are prefixes of the longer words the archive holds, and whole words where it holds none', async () => {
    expect(await titles('dead')).toContain('Orders stuck behind a deadlock')
    expect((await queryForms('dead'))!.exact).toBe("'dead':*")
    expect(await titles('Kafka')).toContain('Consumer lag on the event bus')
    expect((await queryForms('Kafka'))!.exact).toBe("'kafka'")
    expect(await titles('SSD')).toContain('Consumer lag on the event bus')
    expect((await queryForms('SSD'))!.exact).toBe("'ssd'")
  })
})
