import { afterEach, describe, expect, it, vi } from 'vitest'
import { callApi } from './api-client'

const answer = (status: number, body: unknown) =>
  vi.fn(async () => new Response(body === undefined ? 'not json' : JSON.stringify(body), { status }))

afterEach(() => vi.unstubAllGlobals())

describe('callApi', () => {
  it('fills path parameters and sends an object as JSON', async () => {
    const fetch = answer(200, { version: 3, updatedAt: '2026-01-01T00:00:00.000Z' })
    vi.stubGlobal('fetch', fetch)
    const result = await callApi('PUT /api/v1/postmortems/:number', {
      params: { number: 7 },
      body: { baseVersion: 2, document: {} as never },
    })
    expect(result).toEqual({
      ok: true,
      status: 200,
      data: { version: 3, updatedAt: '2026-01-01T00:00:00.000Z' },
    })
    const [path, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(path).toBe('/api/v1/postmortems/7')
    expect(init).toMatchObject({ method: 'PUT', headers: { 'content-type': 'application/json' } })
    expect(JSON.parse(String(init.body))).toEqual({ baseVersion: 2, document: {} })
  })

  it('sends a string body as text, and a query string', async () => {
    const fetch = answer(200, { results: [] })
    vi.stubGlobal('fetch', fetch)
    await callApi('POST /api/v1/imports/preview', { body: '# Retro' })
    await callApi('GET /api/v1/search', { query: { limit: 8, q: 'a b' } })
    const [, preview] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(preview).toMatchObject({ method: 'POST', body: '# Retro' })
    expect(preview.headers).toBeUndefined()
    expect((fetch.mock.calls[1] as unknown as [string])[0]).toBe('/api/v1/search?limit=8&q=a+b')
  })

  it("hands back the route's error body and status", async () => {
    vi.stubGlobal('fetch', answer(409, { error: { code: 'CONFLICT', current: { version: 4 } } }))
    const result = await callApi('PUT /api/v1/postmortems/:number', {
      params: { number: 1 },
      body: { baseVersion: 2, document: {} as never },
    })
    expect(result).toEqual({ ok: false, status: 409, error: { code: 'CONFLICT', current: { version: 4 } } })
  })

  it('never throws: no answer is status 0, an answer without JSON is UNKNOWN', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('offline'))),
    )
    expect(await callApi('POST /api/v1/imports/preview', { body: 'x' })).toEqual({
      ok: false,
      status: 0,
      error: { code: 'NETWORK' },
    })
    vi.stubGlobal('fetch', answer(502, undefined))
    expect(await callApi('POST /api/v1/imports/preview', { body: 'x' })).toEqual({
      ok: false,
      status: 502,
      error: { code: 'UNKNOWN' },
    })
  })
})
