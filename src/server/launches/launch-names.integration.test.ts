import { describe, expect, it } from 'vitest'
import { person } from '@/test/people'
import { db } from '../db'
import { insertLaunch } from './create-launch'
import { findLaunchNames } from './launch-names'
import { launchNamesInput } from './schemas'

let viewer: Awaited<ReturnType<typeof person>> | undefined

const names = async (q: string, limit?: number) => {
  viewer ??= await person('Vera', 'VIEWER')
  const found = await findLaunchNames({ actor: viewer, input: launchNamesInput.parse({ q, limit }) })
  if (!found.ok) throw new Error(found.error.code)
  return found.data.map((l) => l.name)
}

describe('the launch filter’s suggestions (real database)', () => {
  it('finds a launch by any part of its name or slug, in any case, the latest planned first', async () => {
    const run = Math.random().toString(36).slice(2, 8)
    const launch = (name: string, plannedAt: string) =>
      db.$transaction((tx) => insertLaunch(tx, { name, description: '', plannedAt, launchedAt: null }))
    await launch(`Checkout ${run} 3.0`, '2998-01-01')
    await launch(`Checkout ${run} 3.1`, '2998-02-01')
    const zh = await launch(`移动联盟 ${run} 1.2`, '2998-03-01')
    await launch(`Search ${run} 100%_done`, '2998-04-01')

    expect(await names(`checkout ${run}`)).toEqual([`Checkout ${run} 3.1`, `Checkout ${run} 3.0`])
    expect(await names(`移动联盟 ${run}`)).toEqual([`移动联盟 ${run} 1.2`])
    // By the slug, as the addresses and the filters write it (pinyin for a Chinese name).
    expect(await names(zh.slug.toUpperCase())).toEqual([`移动联盟 ${run} 1.2`])
    // What was typed means itself: % and _ are not wildcards.
    expect(await names(`${run} 100%_`)).toEqual([`Search ${run} 100%_done`])
    expect(await names(`${run} 3_`)).toEqual([])
    expect(await names(run, 2)).toEqual([`Search ${run} 100%_done`, `移动联盟 ${run} 1.2`])
  })
})
