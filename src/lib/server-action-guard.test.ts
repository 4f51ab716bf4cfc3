import { NextRequest } from 'next/server'
import { describe, expect, it } from 'vitest'
import nextConfig from '../../next.config'
import { proxy } from '../../proxy'
import { SERVER_ACTION_BODY_LIMIT, serverActionRefusal } from './server-action-guard'

const action = (headers: Record<string, string>, method = 'POST') =>
  new Request('http://localhost:3000/postmortems', {
    method,
    headers: { host: 'localhost:3000', 'next-action': 'abc123', ...headers },
  })

describe('serverActionRefusal', () => {
  it('lets a server action from this origin through', () => {
    expect(
      serverActionRefusal(action({ origin: 'http://localhost:3000', 'content-length': '100' })),
    ).toBeNull()
    // Next lets a request without Origin through too (no browser sends cookies without one).
    expect(serverActionRefusal(action({}))).toBeNull()
  })

  it('refuses a server action from another origin with 403, where Next would answer 500', () => {
    expect(serverActionRefusal(action({ origin: 'http://localhost:4000' }))).toMatchObject({
      status: 403,
      code: 'CROSS_ORIGIN',
    })
    expect(serverActionRefusal(action({ origin: 'https://evil.example' }))?.status).toBe(403)
    expect(serverActionRefusal(action({ origin: 'not a url' }))?.status).toBe(403)
  })

  it('compares with X-Forwarded-Host first, as Next does behind a proxy', () => {
    const behindProxy = action({
      origin: 'https://hindsight.example',
      'x-forwarded-host': 'hindsight.example',
    })
    expect(serverActionRefusal(behindProxy)).toBeNull()
  })

  it('refuses a body over the limit with 413, saying the limit and by how much', () => {
    const length = SERVER_ACTION_BODY_LIMIT + 10
    expect(
      serverActionRefusal(action({ origin: 'http://localhost:3000', 'content-length': String(length) })),
    ).toEqual({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: `The request body is ${length} bytes; a server action takes at most ${SERVER_ACTION_BODY_LIMIT} (10 too many).`,
    })
  })

  it('covers a multipart form post without JavaScript, and nothing but server actions', () => {
    const form = new Request('http://localhost:3000/launches', {
      method: 'POST',
      headers: {
        host: 'localhost:3000',
        origin: 'http://evil.example',
        'content-type': 'multipart/form-data; boundary=x',
      },
    })
    expect(serverActionRefusal(form)?.status).toBe(403)
    expect(serverActionRefusal(action({ origin: 'http://evil.example' }, 'GET'))).toBeNull()
    const plainPost = new Request('http://localhost:3000/x', {
      method: 'POST',
      headers: { host: 'localhost:3000', origin: 'http://evil.example', 'content-type': 'application/json' },
    })
    expect(serverActionRefusal(plainPost)).toBeNull()
  })

  it('uses the limit next.config.ts gives Next', () => {
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe('1mb')
    expect(SERVER_ACTION_BODY_LIMIT).toBe(1024 * 1024)
  })
})

describe('the proxy, before Next runs a server action', () => {
  const post = (headers: Record<string, string>) =>
    proxy(
      new NextRequest('http://localhost:3000/postmortems/new', {
        method: 'POST',
        headers: {
          host: 'localhost:3000',
          'next-action': 'abc123',
          cookie: 'better-auth.session_token=x',
          ...headers,
        },
      }),
    )

  it('answers a cross-origin server action 403, not 500', async () => {
    const response = post({ origin: 'http://localhost:4000' })
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({ error: { code: 'CROSS_ORIGIN' } })
  })

  it('answers an over-limit server action body 413, not 500', async () => {
    const response = post({ origin: 'http://localhost:3000', 'content-length': String(2 * 1024 * 1024) })
    expect(response.status).toBe(413)
    expect(await response.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } })
  })

  it('passes a same-origin server action on to Next', () => {
    expect(post({ origin: 'http://localhost:3000', 'content-length': '100' }).status).toBe(200)
  })
})
