import { describe, expect, it } from 'vitest'
import { sentences } from './text'

describe('sentences', () => {
  it('reads prose hard-wrapped at a fixed width as whole sentences', () => {
    expect(
      sentences(
        'On January 31st we experienced a major outage for one of our\nproducts, the online service. The database\nwas removed by accident.',
      ),
    ).toEqual([
      'On January 31st we experienced a major outage for one of our products, the online service.',
      'The database was removed by accident.',
    ])
  })

  it('keeps list items, quotes and Chinese lines apart', () => {
    expect(sentences('Steps taken\n- restart the pool\n> quoted log\n关闭web服务\n启动数据库')).toEqual([
      'Steps taken',
      '- restart the pool',
      '> quoted log',
      '关闭web服务',
      '启动数据库',
    ])
  })
})
