import { describe, expect, it } from 'vitest'
import { renderEventEmail } from './render-email'

describe('the comment-mention e-mail', () => {
  const payload = {
    number: 12,
    title: '主从延迟',
    by: 'Rui Zhang',
    threadId: 't1',
    quote: 'lagged behind',
    excerpt: '@Ann can you check the backup job?',
    mentioned: [{ id: 'u1', name: 'Ann' }],
  }

  it('says who mentioned them where, quotes the passage and links to the thread, in their language', () => {
    const en = renderEventEmail({ type: 'comment-mention', payload, locale: 'en', name: 'Ann' })
    expect(en.subject).toBe('Rui Zhang mentioned you on PM-12: 主从延迟')
    expect(en.text).toContain('> lagged behind')
    expect(en.text).toContain('@Ann can you check the backup job?')
    expect(en.text).toContain('/postmortems/12#thread-t1')
    const zh = renderEventEmail({ type: 'comment-mention', payload, locale: 'zh-CN', name: 'Ann' })
    expect(zh.subject).toBe('Rui Zhang 在 PM-12 中提到了你：主从延迟')
  })
})
