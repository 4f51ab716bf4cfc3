import { afterEach, describe, expect, it, vi } from 'vitest'
import { requestLimits } from './env'

afterEach(() => vi.unstubAllEnvs())

describe('requestLimits', () => {
  it('are the production limits when nothing is set', () => {
    for (const name of [
      'API_TOKEN_LIMIT',
      'API_TOKEN_LIMIT_WINDOW_SECONDS',
      'SIGN_IN_LIMIT_PER_ACCOUNT',
      'SIGN_IN_LIMIT_PER_ADDRESS',
      'SIGN_IN_LIMIT_WINDOW_SECONDS',
    ])
      vi.stubEnv(name, '')
    expect(requestLimits()).toEqual({
      apiToken: { max: 300, windowMs: 60_000 },
      signInPerAccount: { max: 5, windowMs: 900_000 },
      signInPerAddress: { max: 50, windowMs: 900_000 },
    })
  })

  it('come from the environment', () => {
    vi.stubEnv('API_TOKEN_LIMIT', '10')
    vi.stubEnv('API_TOKEN_LIMIT_WINDOW_SECONDS', '3600')
    vi.stubEnv('SIGN_IN_LIMIT_PER_ACCOUNT', ' 3 ')
    vi.stubEnv('SIGN_IN_LIMIT_PER_ADDRESS', '6')
    vi.stubEnv('SIGN_IN_LIMIT_WINDOW_SECONDS', '600')
    expect(requestLimits()).toEqual({
      apiToken: { max: 10, windowMs: 3_600_000 },
      signInPerAccount: { max: 3, windowMs: 600_000 },
      signInPerAddress: { max: 6, windowMs: 600_000 },
    })
  })

  it('refuse anything but a whole number above 0, naming the variable', () => {
    for (const bad of ['0', '-5', '2.5', 'ten', '1e400']) {
      vi.stubEnv('SIGN_IN_LIMIT_PER_ADDRESS', bad)
      expect(() => requestLimits()).toThrow(`SIGN_IN_LIMIT_PER_ADDRESS must be a whole number above 0`)
    }
  })
})
