import { describe, expect, it } from 'vitest'
import { exceededPreviewLimit, PREVIEW_LIMITS, utf8Length } from './limits'
import { previewRetro } from './preview-retro'

describe('utf8Length', () => {
  it.each(['abc', 'é', '复盘', '😀', 'a\uD800b', ''])('matches Buffer.byteLength for %j', (text) => {
    expect(utf8Length(text)).toBe(Buffer.byteLength(text))
  })
})

describe('exceededPreviewLimit', () => {
  it('says which limit and by how much', () => {
    const big = 'x'.repeat(PREVIEW_LIMITS.bytes + 10)
    expect(exceededPreviewLimit(big)).toEqual({
      name: 'bytes',
      max: PREVIEW_LIMITS.bytes,
      actual: big.length,
      over: 10,
    })
    const headings = '# a\nb\n===\nc\n---\n'.repeat(400)
    expect(exceededPreviewLimit(headings)).toEqual({
      name: 'headings',
      max: PREVIEW_LIMITS.headings,
      actual: 1_200,
      over: 200,
    })
    expect(exceededPreviewLimit('# a\n\n#hashtag\n\ntext')).toBeNull()
  })
})

describe('previewRetro', () => {
  it('refuses a document over the preview limits before parsing', () => {
    expect(previewRetro(`# Big\n${'x'.repeat(PREVIEW_LIMITS.bytes)}`)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'TOO_LARGE' },
    })
  })

  it('parses it for the command line, which has only the 5 MB cap', () => {
    const source = `# Big\n\n## Impact\n\n${'Payments failed. '.repeat(40_000)}`
    expect(previewRetro(source, { limits: null }).ok).toBe(true)
  })
})
