import { describe, expect, it } from 'vitest'
import { overlap, recurs } from './recurrence'

describe('recurrence', () => {
  it('links a skipped check to an incident whose lessons say the same thing, in Chinese or English', () => {
    expect(
      recurs(
        { text: '缓存重建读主库', sourceLessonIds: [] },
        { lessonIds: [], text: '根因：写后立刻重建缓存读了从库。教训：缓存重建必须读主库。' },
      ),
    ).toBe(true)
    expect(
      overlap(
        'Check indexes on production-size data',
        'Lesson: check the indexes of new tables on production-size data',
      ),
    ).toBeGreaterThanOrEqual(0.5)
  })

  it('does not link unrelated texts, and always links an item learned from one of the lessons', () => {
    expect(
      recurs(
        { text: 'Rotate TLS certificates', sourceLessonIds: [] },
        { lessonIds: ['l1'], text: 'uid 没有建索引' },
      ),
    ).toBe(false)
    expect(
      recurs({ text: 'Rotate TLS certificates', sourceLessonIds: ['l1'] }, { lessonIds: ['l1'], text: '' }),
    ).toBe(true)
  })
})
