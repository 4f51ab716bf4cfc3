import { describe, expect, it } from 'vitest'
import { getLaunchReview } from '../checklists/launch-review'
import { db } from '../db'
import { DEMO_LAUNCH, DEMO_TEMPLATE, loadDemo } from './load-demo'
import { person } from '@/test/people'

describe('npm run demo', () => {
  it('loads the seed retro, a template learned from its lessons and the next launch, once', async () => {
    const actor = await person('Ada', 'ADMIN')
    const first = await loadDemo({ actor })
    const second = await loadDemo({ actor })
    expect(second).toEqual(first)

    expect(await db.postmortem.count()).toBe(4)
    const template = await db.checklistTemplate.findFirstOrThrow({
      where: { name: DEMO_TEMPLATE },
      include: {
        items: { include: { sources: { include: { lesson: { include: { postmortem: true } } } } } },
      },
    })
    expect(template.items).toHaveLength(4)
    expect(template.items.map((i) => i.sources[0]?.lesson.postmortem.title)).toEqual([
      '老用户福利初始化脚本执行过慢',
      '生产环境发布后出现成长值明细4G网络大概率获取不到数据的情况',
      '线上修改及创建表结构遗漏',
      '线上部分用户出现签到完成但签到列表未更新的情况',
    ])

    const launch = await db.launch.findFirstOrThrow({ where: { name: DEMO_LAUNCH } })
    expect(launch).toMatchObject({ status: 'PLANNED', slug: first.ok ? first.data.launch : '' })
    const review = await getLaunchReview({ actor, launchId: launch.id })
    expect(review.checks.map((c) => c.text)).toEqual(template.items.map((i) => i.text))
    expect(review.checks.every((c) => c.sources.length === 1)).toBe(true)
    expect(review.readiness.ready).toBe(false)
  })
})
