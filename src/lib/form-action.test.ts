import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { err, ok } from '@/server/result'
import type { runAction as RunAction } from './form-action'

/*
 * Translations as "<namespace>.<key>", so the test sees which message was chosen. The unit tests
 * share one module graph (isolate: false in vitest.config.mts): the mock is installed before a
 * fresh copy of form-action is loaded, and removed after, so it neither misses nor leaks.
 */
let runAction: typeof RunAction
beforeAll(async () => {
  vi.resetModules()
  vi.doMock('next-intl/server', () => ({
    getTranslations: async (namespace: string) => {
      const known = new Set(['reasons.LAST_ADMIN'])
      const t = (key: string) => `${namespace}.${key}`
      t.has = (key: string) => known.has(key)
      return t
    },
  }))
  ;({ runAction } = await import('./form-action'))
})
afterAll(() => {
  vi.doUnmock('next-intl/server')
  vi.resetModules()
})

describe('runAction', () => {
  it('answers success when the use case succeeds', async () => {
    expect(await runAction(async () => ok(null))).toEqual({ status: 'success' })
  })

  it("turns a domain error into its code's translated message", async () => {
    expect(await runAction(async () => err('NOT_FOUND'))).toEqual({
      status: 'error',
      formError: 'Errors.NOT_FOUND',
    })
  })

  it('prefers the specific reason when the domain gave a known one', async () => {
    expect(await runAction(async () => err('INVALID_STATE', { message: 'LAST_ADMIN' }))).toEqual({
      status: 'error',
      formError: 'Errors.reasons.LAST_ADMIN',
    })
  })

  it('says the database is unreachable instead of throwing', async () => {
    const down = Object.assign(new Error('connect'), { code: 'ECONNREFUSED' })
    expect(
      await runAction(async () => {
        throw down
      }),
    ).toEqual({ status: 'error', formError: 'Errors.DATABASE_UNAVAILABLE' })
  })

  it('lets any other failure through', async () => {
    await expect(
      runAction(async () => {
        throw new Error('bug')
      }),
    ).rejects.toThrow('bug')
  })
})
