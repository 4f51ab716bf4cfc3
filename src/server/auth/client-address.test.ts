import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { clientAddress } from './client-address'
import { recordPeerAddresses } from './peer-address'

const forwarded = (value: string) => new Headers({ 'x-forwarded-for': value })

afterEach(() => {
  delete process.env.TRUSTED_PROXIES
})

describe('clientAddress', () => {
  it('believes no X-Forwarded-For entry but the right-most without trusted proxies', () => {
    expect(clientAddress(forwarded('6.6.6.6'))).toBe('6.6.6.6')
    expect(clientAddress(forwarded('6.6.6.6, 203.0.113.7'))).toBe('203.0.113.7')
    expect(clientAddress(forwarded('1.1.1.1, 2.2.2.2, 127.0.0.1'))).toBe('127.0.0.1')
  })

  it('takes the right-most entry that is not a trusted proxy', () => {
    process.env.TRUSTED_PROXIES = '10.0.0.0/8, 127.0.0.1'
    // A proxy that appends: the client's own spoofed entry stays on the left.
    expect(clientAddress(forwarded('6.6.6.6, 203.0.113.7, 10.1.2.3'))).toBe('203.0.113.7')
    expect(clientAddress(forwarded('203.0.113.7, 10.1.2.3, 127.0.0.1'))).toBe('203.0.113.7')
    // A spoofed entry that claims to be a trusted proxy does not help the one to its left.
    expect(clientAddress(forwarded('6.6.6.6, 10.9.9.9, 198.51.100.1, 127.0.0.1'))).toBe('198.51.100.1')
    // Every hop trusted: the furthest one.
    expect(clientAddress(forwarded('10.0.0.5, 127.0.0.1'))).toBe('10.0.0.5')
    expect(clientAddress(forwarded('garbage, 127.0.0.1'))).toBe('garbage')
  })

  it('understands proxy-addr names and IPv4-mapped IPv6 peers', () => {
    process.env.TRUSTED_PROXIES = 'loopback'
    expect(clientAddress(forwarded('203.0.113.7, ::ffff:127.0.0.1'))).toBe('203.0.113.7')
    expect(clientAddress(forwarded('::ffff:203.0.113.7'))).toBe('203.0.113.7')
    expect(clientAddress(forwarded('2001:db8::1, ::1'))).toBe('2001:db8::1')
  })

  it("is 'local' without a header and refuses a malformed TRUSTED_PROXIES by name", () => {
    expect(clientAddress(new Headers())).toBe('local')
    expect(clientAddress(undefined)).toBe('local')
    process.env.TRUSTED_PROXIES = '10.0.0.0/99'
    expect(() => clientAddress(forwarded('1.2.3.4'))).toThrow(/TRUSTED_PROXIES/)
  })
})

describe('the socket address reaches request headers (peer-address.ts)', () => {
  /** A plain Node server, as `next start` creates one, answering with what app code would see. */
  async function askServer(headers: Record<string, string>) {
    recordPeerAddresses()
    const server = createServer((request, response) => {
      const h = new Headers()
      for (const [name, value] of Object.entries(request.headers))
        if (typeof value === 'string') h.set(name, value)
      response.end(clientAddress(h))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      return await (await fetch(`http://127.0.0.1:${port}/`, { headers })).text()
    } finally {
      server.close()
    }
  }

  it('a spoofed X-Forwarded-For does not change the address of a direct client', async () => {
    expect(await askServer({ 'x-forwarded-for': '6.6.6.6' })).toBe('127.0.0.1')
    expect(await askServer({})).toBe('127.0.0.1')
  })

  it('behind a trusted proxy, the address the proxy appended', async () => {
    process.env.TRUSTED_PROXIES = '127.0.0.1'
    expect(await askServer({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7' })).toBe('203.0.113.7')
  })
})
