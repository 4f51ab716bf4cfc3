import { beforeEach, describe, expect, it, vi } from 'vitest'
import { PREVIEW_LIMITS } from '@/server/imports/limits'
import * as parser from '@/server/imports/parse-retro'

/*
 * Issue 15: a 5 MB preview held the server's one thread for 5–6 s, 10,000 headings for
 * 2–3.5 s. A preview is parsed only within PREVIEW_LIMITS; above them the answer is a clear
 * 413/422 naming the limit and the excess, and the parser is never called.
 */
vi.mock('next/headers', () => ({ headers: async () => new Headers() }))
vi.mock('@/server/auth/current-user', () => ({
  authorize: async () => ({
    ok: true,
    data: { id: 'editor', name: 'Eve Editor', email: 'eve@example.com', role: 'EDITOR' },
  }),
}))
vi.mock('@/server/imports/parse-retro', async (original) => {
  const actual = await original<typeof parser>()
  return { ...actual, parseRetro: vi.fn(actual.parseRetro) }
})

const { POST } = await import('./route')
const parseRetro = vi.mocked(parser.parseRetro)

const preview = (body: string) =>
  POST(
    new Request('http://localhost:3000/api/v1/imports/preview', {
      method: 'POST',
      headers: {
        origin: 'http://localhost:3000',
        'sec-fetch-site': 'same-origin',
        'content-type': 'text/markdown',
      },
      body,
    }),
  )

beforeEach(() => {
  parseRetro.mockClear()
})

describe('POST /api/v1/imports/preview within its limits', () => {
  it('parses an ordinary retro', async () => {
    const response = await preview('# Checkout outage\n\n## Impact\n\nPayments failed for 20 minutes.\n')
    expect(response.status).toBe(200)
    expect(parseRetro).toHaveBeenCalledTimes(1)
  })

  it('refuses a 5 MB document with 413, the limit and by how much, without parsing it', async () => {
    const body = `# Big\n\n${'word '.repeat(1024 * 1024)}`
    const response = await preview(body)
    expect(response.status).toBe(413)
    expect(await response.json()).toEqual({
      error: {
        code: 'PAYLOAD_TOO_LARGE',
        message: 'TOO_LARGE',
        limit: {
          name: 'bytes',
          max: PREVIEW_LIMITS.bytes,
          actual: body.length,
          over: body.length - PREVIEW_LIMITS.bytes,
        },
      },
    })
    expect(parseRetro).not.toHaveBeenCalled()
  })

  it('refuses 10,000 headings with 422, the limit and by how much, without parsing them', async () => {
    const response = await preview(
      Array.from({ length: 10_000 }, (_, i) => `## Section ${i}\n\ntext\n`).join('\n'),
    )
    expect(response.status).toBe(422)
    expect(await response.json()).toMatchObject({
      error: {
        code: 'INVALID_INPUT',
        message: 'TOO_MANY_HEADINGS',
        limit: {
          name: 'headings',
          max: PREVIEW_LIMITS.headings,
          actual: 10_000,
          over: 10_000 - PREVIEW_LIMITS.headings,
        },
      },
    })
    expect(parseRetro).not.toHaveBeenCalled()
  })

  it('parses a document exactly at the heading limit', async () => {
    const body = Array.from({ length: PREVIEW_LIMITS.headings }, (_, i) => `# S${i}`).join('\n')
    const response = await preview(body)
    expect(response.status).toBe(200)
    expect(parseRetro).toHaveBeenCalledTimes(1)
  })
})
