import { describe, expect, it } from 'vitest'
import { allowHeader, crossOriginRefusal, isJsonContentType } from './request-guard'

const put = (headers: Record<string, string>, url = 'http://10.0.0.5:3000/api/v1/postmortems/1') =>
  new Request(url, { method: 'PUT', headers })

describe('crossOriginRefusal', () => {
  it('accepts the public URL’s origin behind a proxy that rewrites the host', () => {
    const request = put({ cookie: 'a=b', origin: 'https://hindsight.example' })
    expect(crossOriginRefusal(request, undefined)).not.toBeNull()
    expect(crossOriginRefusal(request, 'https://hindsight.example/')).toBeNull()
    expect(crossOriginRefusal(request, 'not a url')).not.toBeNull()
  })

  it('refuses same-site and cross-site fetch metadata even with a matching Origin', () => {
    const origin = 'http://10.0.0.5:3000'
    expect(crossOriginRefusal(put({ cookie: 'a=b', origin }))).toBeNull()
    for (const site of ['same-site', 'cross-site', 'none'])
      expect(crossOriginRefusal(put({ cookie: 'a=b', origin, 'sec-fetch-site': site }))).toMatchObject({
        code: 'CROSS_ORIGIN',
      })
  })

  it('leaves safe methods alone', () => {
    const get = new Request('http://x/api', { headers: { cookie: 'a=b', origin: 'http://evil' } })
    expect(crossOriginRefusal(get)).toBeNull()
  })
})

describe('isJsonContentType and allowHeader', () => {
  it('takes application/json with parameters, in any case, and nothing else', () => {
    expect(isJsonContentType('Application/JSON; charset=utf-8')).toBe(true)
    for (const type of [null, '', 'text/plain', 'application/jsonp', 'application/x-www-form-urlencoded'])
      expect(isJsonContentType(type)).toBe(false)
  })

  it('lists HEAD with GET and always OPTIONS', () => {
    expect(allowHeader(['PUT', 'GET'])).toBe('GET, HEAD, OPTIONS, PUT')
    expect(allowHeader(['POST'])).toBe('OPTIONS, POST')
  })
})
