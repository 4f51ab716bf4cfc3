import { describe, expect, it } from 'vitest'
import { itemInput } from '../checklists/schemas'
import { addItem } from '../checklists/add-item'
import { setItemArchived } from '../checklists/set-item-archived'
import { createTemplate } from '../checklists/create-template'
import { searchChecklistItems } from './search-checklist-items'
import { person } from '@/test/people'

describe('checklist items in search', () => {
  it('finds active items by Chinese or English words, across the glossary', async () => {
    const actor = await person('Eve', 'EDITOR')
    const t = await createTemplate({ actor, input: { name: 'Pre-launch review', description: '' } })
    if (!t.ok) throw new Error('template')
    const add = async (text: string) => {
      const r = await addItem({
        actor,
        templateId: t.data.id,
        input: itemInput.parse({ text, required: true }),
      })
      if (!r.ok) throw new Error('item')
      return r.data.id
    }
    const cache = await add('写入后重建缓存时必须读主库')
    await add('Check indexes on production-size data')
    const old = await add('缓存预热脚本已运行')
    await setItemArchived({ actor, itemId: old, archived: true })

    expect(await searchChecklistItems({ actor, q: '缓存' })).toEqual([
      {
        id: cache,
        text: '写入后重建缓存时必须读主库',
        rationale: '',
        template: { id: t.data.id, name: 'Pre-launch review' },
      },
    ])
    expect((await searchChecklistItems({ actor, q: 'index' })).map((h) => h.text)).toEqual([
      'Check indexes on production-size data',
    ])
    // The glossary: an English query finds the Chinese item.
    expect((await searchChecklistItems({ actor, q: 'cache' })).map((h) => h.id)).toEqual([cache])
    expect(await searchChecklistItems({ actor, q: '"\\' })).toEqual([])
  })
})
