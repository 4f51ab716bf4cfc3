import { describe, expect, it, vi } from 'vitest'
import { contentSecurityPolicy, imageHosts, securityHeaders, servedOverHttps } from './security-headers'

const directives = (policy: string) =>
  Object.fromEntries(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]))

describe('contentSecurityPolicy', () => {
  it('runs only nonced scripts, frames nothing, and loads images from the app and the allow-list', () => {
    const policy = directives(
      contentSecurityPolicy({ nonce: 'abc', https: false, images: ['images.example.com'] }),
    )
    expect(policy).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self' 'nonce-abc' 'strict-dynamic'",
      'img-src': "'self' data: images.example.com",
      'frame-ancestors': "'none'",
      'base-uri': "'self'",
      'form-action': "'self'",
      'object-src': "'none'",
    })
    expect(policy['script-src']).not.toContain('unsafe')
    expect(policy).not.toHaveProperty('upgrade-insecure-requests')
  })

  it('upgrades requests only over https, and allows eval only in development', () => {
    expect(contentSecurityPolicy({ nonce: 'n', https: true, images: [] })).toContain(
      'upgrade-insecure-requests',
    )
    expect(contentSecurityPolicy({ nonce: 'n', https: false, dev: true, images: [] })).toContain(
      "'unsafe-eval'",
    )
  })
})

describe('imageHosts', () => {
  it('takes host names, wildcards, schemes and ports, and leaves out anything that would change the policy', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(
      imageHosts(
        'images.example.com, *.cdn.example.com https://I.example.org files.example.com:8443 ' +
          "* 'unsafe-inline' evil.com;script-src https://x.example/path data: javascript:x",
      ),
    ).toEqual(['images.example.com', '*.cdn.example.com', 'https://i.example.org', 'files.example.com:8443'])
    expect(warn).toHaveBeenCalledOnce()
    expect(imageHosts(undefined)).toEqual([])
    expect(imageHosts('')).toEqual([])
    warn.mockRestore()
  })
})

describe('securityHeaders', () => {
  it('sends HSTS only over https, the rest always', () => {
    expect(securityHeaders({ https: false })).toEqual({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
      'x-frame-options': 'DENY',
    })
    expect(securityHeaders({ https: true })['strict-transport-security']).toBe('max-age=31536000')
  })

  it('knows https from the URL or a TLS-terminating proxy', () => {
    expect(servedOverHttps(new URL('https://h/'), null)).toBe(true)
    expect(servedOverHttps(new URL('http://h/'), 'https, http')).toBe(true)
    expect(servedOverHttps(new URL('http://h/'), null)).toBe(false)
  })
})
