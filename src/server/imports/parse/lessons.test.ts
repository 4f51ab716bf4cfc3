import { describe, expect, it } from 'vitest'
import { lessonsIn } from './lessons'
import { blocks, parseMarkdown } from './markdown'

const lessons = (source: string) => lessonsIn(blocks(parseMarkdown(source).children))

describe('lessonsIn', () => {
  it('one lesson per list item or paragraph, skipping a lead-in', () => {
    expect(lessons('What we learned:\n\n- Backups were never tested\n- 告警没有覆盖连接池')).toEqual([
      'Backups were never tested',
      '告警没有覆盖连接池',
    ])
  })

  it('an entry left to be written ("TODO", "Not much.", "暂无") is no lesson', () => {
    expect(lessons('TODO')).toEqual([])
    expect(lessons('Not much.')).toEqual([])
    expect(lessons('- 暂无\n- 备份从未演练过')).toEqual(['备份从未演练过'])
    expect(lessons('- Nothing was tested after the change')).toEqual(['Nothing was tested after the change'])
  })

  it('a paragraph of separate lines is a lesson a line; hard-wrapped prose stays one', () => {
    expect(lessons('监控报警配置不完整，没人收到通知。\n压测应该成为一个日常机制。')).toEqual([
      '监控报警配置不完整，没人收到通知。',
      '压测应该成为一个日常机制。',
    ])
    expect(
      lessons('We did not test the restore path of our backups\nbefore we needed it in production.'),
    ).toHaveLength(1)
  })
})
