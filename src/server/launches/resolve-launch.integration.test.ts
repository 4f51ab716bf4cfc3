import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '../db'
import { insertLaunch } from './create-launch'
import { resolveLaunch } from './resolve-launch'

const launch = (name: string) =>
  db.$transaction((tx) => insertLaunch(tx, { name, description: '', plannedAt: null, launchedAt: null }))

describe('resolveLaunch (real database)', () => {
  let alliance: { id: string; slug: string }
  beforeAll(async () => {
    alliance = await launch('移动联盟1.1版本上线总结回顾')
    await launch('Checkout v2')
    await launch('Search 100%_done')
    await launch('Payments') // two launches share this name…
    await launch('Payments')
    await launch('payments v3')
  })

  it('gives a Chinese name a pinyin slug, and finds the launch by that slug, its id or its name', async () => {
    expect(alliance.slug).toBe('yi-dong-lian-meng-1-1-ban-ben-shang-xian-zong-jie-hui-gu')
    for (const key of [
      alliance.slug,
      alliance.id,
      '移动联盟1.1版本上线总结回顾',
      ' 移动联盟1.1版本上线总结回顾 ',
    ])
      expect(await resolveLaunch({ key })).toMatchObject({ ok: true, data: { id: alliance.id } })
  })

  it('matches a name in any case when no name matches exactly, and wildcards only literally', async () => {
    expect(await resolveLaunch({ key: 'CHECKOUT V2' })).toMatchObject({
      ok: true,
      data: { slug: 'checkout-v2', name: 'Checkout v2' },
    })
    expect(await resolveLaunch({ key: 'search 100%_DONE' })).toMatchObject({ ok: true })
    expect(await resolveLaunch({ key: 'Search 100%' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await resolveLaunch({ key: 'Checkout _2' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  it('prefers a slug to a name, and refuses a name several launches share, listing their slugs', async () => {
    // "payments-v3" is a slug, not the name "payments v3": the slug wins.
    expect(await resolveLaunch({ key: 'payments-v3' })).toMatchObject({
      ok: true,
      data: { name: 'payments v3' },
    })
    const shared = await resolveLaunch({ key: 'Payments' })
    expect(shared).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'Several launches are named “Payments”: payments, payments-2. Name one by its slug.',
      },
    })
    expect(await resolveLaunch({ key: 'PAYMENTS' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await resolveLaunch({ key: 'payments-2' })).toMatchObject({ ok: true, data: { name: 'Payments' } })
  })

  it('answers NOT_FOUND for a name nobody uses', async () => {
    expect(await resolveLaunch({ key: 'no such launch' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No launch has the slug or name “no such launch”.' },
    })
  })
})
