import { describe, expect, it } from 'vitest'
import {
  actionFromHeading,
  actionFromText,
  dueAfter,
  followUpsIn,
  promisedIn,
  readActionItems,
} from './action-items'
import { markdown, parseMarkdown } from './markdown'

const read = (source: string) => readActionItems(parseMarkdown(source).children)
const items = (source: string) => read(source).items

describe('action items from lists', () => {
  it('checkboxes, ✅ and strikethrough say whether an item is done', () => {
    expect(
      items(
        '- [x] Roll back the config change\n- [ ] Add an alert on cache hit rate\n- ✅ 增加连接池监控\n- ~~Migrate to the new DNS provider~~\n- 补充慢查询告警',
      ).map((a) => [a.title, a.status]),
    ).toEqual([
      ['Roll back the config change', 'DONE'],
      ['Add an alert on cache hit rate', 'OPEN'],
      ['增加连接池监控', 'DONE'],
      ['Migrate to the new DNS provider', 'DONE'],
      ['补充慢查询告警', 'OPEN'],
    ])
  })

  it('an item left to be written ("TBD", "- [ ] TODO") is no action item', () => {
    expect(read('- [ ] TODO\n- [ ] Alert on certificate expiry\n- TBD').items.map((i) => i.title)).toEqual([
      'Alert on certificate expiry',
    ])
  })

  it('reads owners and due dates written inline, and keeps them out of the title', () => {
    expect(
      items(
        '- Add an alert on cache hit rate (@ada, due 2026-12-01)\n- Write a runbook for cache warm-up. Owner: @grace\n- 补充索引检查脚本，负责人：张三，截止：2026-11-30\n- 增加告警（负责人：王五）',
      ),
    ).toEqual([
      { title: 'Add an alert on cache hit rate', owner: 'ada', due: '2026-12-01', status: 'OPEN' },
      { title: 'Write a runbook for cache warm-up.', owner: '@grace', due: null, status: 'OPEN' },
      { title: '补充索引检查脚本', owner: '张三', due: '2026-11-30', status: 'OPEN' },
      { title: '增加告警', owner: '王五', due: null, status: 'OPEN' },
    ])
  })

  it('an @name after an article is a group or role, not an owner', () => {
    expect(actionFromText('A channel for urgent help (added an @oncall role on chat)').owner).toBeNull()
    expect(actionFromText('Ping @grace about the DNS change').owner).toBe('grace')
  })

  it('a written-out due date keeps its year', () => {
    expect(actionFromText('Load-test checkout, due by Dec 1, 2026')).toMatchObject({
      title: 'Load-test checkout',
      due: '2026-12-01',
    })
  })

  it('a closing note in brackets says an item is done ("(fixed by …)", "(added …)"), "(filed …)" does not', () => {
    expect(
      actionFromText('Monitoring should check docs.example.com. (fixed by adding a separate check)').status,
    ).toBe('DONE')
    expect(actionFromText('Have an emergency channel for the team. (added an @emergency role)').status).toBe(
      'DONE',
    )
    expect(
      actionFromText('Monitoring should page more people. (filed https://example.com/issues/1)').status,
    ).toBe('OPEN')
  })

  it('"due to a bug" is not a due date', () => {
    expect(actionFromText('Fix the retry loop that fired due to a bug in the client')).toEqual({
      title: 'Fix the retry loop that fired due to a bug in the client',
      owner: null,
      due: null,
      status: 'OPEN',
    })
  })

  it('an item written in the past tense is done; one still to do is open', () => {
    expect(
      items(
        '- A daily check has been added for expiring certificates\n- Alerts added for pgbouncer errors\n- 已增加磁盘使用率告警\n- Investigate why the pager was silent\n- 调研为什么告警没有触发',
      ).map((a) => a.status),
    ).toEqual(['DONE', 'DONE', 'DONE', 'OPEN', 'OPEN'])
  })

  it('an item that opens with a past tense or closes on what was done after its subject is done', () => {
    expect(
      items(
        [
          '- Reverted the backwards-incompatible changes and released version 1.270.1',
          '- Sent communications to all 305 affected teams',
          '- Pool halted.',
          '- All bridge transactions identified (Section 5).',
          '- Affected users have been identified and will be contacted directly',
          '- Speed up the restore script',
          '- Make sure backups are tested',
          '- Add an alert when the queue is backed up',
        ].join('\n'),
      ).map((a) => a.status),
    ).toEqual(['DONE', 'DONE', 'DONE', 'DONE', 'OPEN', 'OPEN', 'OPEN', 'OPEN'])
  })

  it('an unticked checkbox stays open even when written in the past tense', () => {
    expect(items('- [ ] Alerts added for pgbouncer errors')[0]?.status).toBe('OPEN')
  })

  it('reads in-progress marks', () => {
    expect(actionFromText('Add alerting on queue depth — in progress').status).toBe('IN_PROGRESS')
    expect(actionFromText('压测签到接口（进行中）').status).toBe('IN_PROGRESS')
  })

  it('a group item ("Short term:", "**监控**") gives its nested items, not itself', () => {
    expect(
      items(
        '- Short term:\n  - Add a retry to the payment client\n  - Page on queue depth\n- Long term:\n  - Move sessions to Redis\n- **监控**\n  - 增加磁盘告警',
      ).map((a) => a.title),
    ).toEqual([
      'Add a retry to the payment client',
      'Page on queue depth',
      'Move sessions to Redis',
      '增加磁盘告警',
    ])
  })

  it('numbered items after a lead-in are items; the lead-in is the rest', () => {
    const { items: found, rest } = read(
      'To prevent this from happening again:\n\n1. Add a canary stage\n2. Document the rollback',
    )
    expect(found.map((a) => a.title)).toEqual(['Add a canary stage', 'Document the rollback'])
    expect(markdown(rest)).toBe('To prevent this from happening again:')
  })

  it('a paragraph of marked lines is one item a line', () => {
    expect(
      items('✅ Rotate the leaked key\n⬜ Alert before certificates expire').map((a) => [a.title, a.status]),
    ).toEqual([
      ['Rotate the leaked key', 'DONE'],
      ['Alert before certificates expire', 'OPEN'],
    ])
  })

  it('keeps a link written in the item', () => {
    expect(actionFromText('Add a schema check to CI https://github.com/acme/shop/issues/77').link).toBe(
      'https://github.com/acme/shop/issues/77',
    )
  })
})

describe('action items from tables', () => {
  it('reads Owner / Due / Status / Issue columns; "Done" is done and the link comes from the issue column', () => {
    expect(
      items(
        [
          '| Action | Owner | Due | Status | Issue |',
          '| --- | --- | --- | --- | --- |',
          '| Add alert on 5xx rate | @ada | 2026-12-01 | Done | [#123](https://github.com/acme/shop/issues/123) |',
          '| Load-test checkout | Bob | Dec 15, 2026 | In progress | https://jira.example.com/browse/OPS-9 |',
          '| Rotate keys | Carol | | Open | |',
        ].join('\n'),
      ),
    ).toEqual([
      {
        title: 'Add alert on 5xx rate',
        owner: '@ada',
        due: '2026-12-01',
        status: 'DONE',
        link: 'https://github.com/acme/shop/issues/123',
      },
      {
        title: 'Load-test checkout',
        owner: 'Bob',
        due: '2026-12-15',
        status: 'IN_PROGRESS',
        link: 'https://jira.example.com/browse/OPS-9',
      },
      { title: 'Rotate keys', owner: 'Carol', due: null, status: 'OPEN' },
    ])
  })

  it('reads a Chinese table: "已完成" is done', () => {
    expect(
      items(
        '| 改进项 | 负责人 | 截止日期 | 状态 |\n| --- | --- | --- | --- |\n| 增加慢查询告警 | 张三 | 2026-11-30 | 已完成 |\n| 压测签到接口 | 李四 | 2026-12-15 | 进行中 |\n| 补充发布检查清单 | 王五 | | 未开始 |',
      ),
    ).toEqual([
      { title: '增加慢查询告警', owner: '张三', due: '2026-11-30', status: 'DONE' },
      { title: '压测签到接口', owner: '李四', due: '2026-12-15', status: 'IN_PROGRESS' },
      { title: '补充发布检查清单', owner: '王五', due: null, status: 'OPEN' },
    ])
  })

  it('without a title column, the first column that is not owner/due/status is the title', () => {
    expect(items('| # | 负责人 |\n| --- | --- |\n| 增加告警 | 张三 |')).toEqual([
      { title: '增加告警', owner: '张三', due: null, status: 'OPEN' },
    ])
  })
})

describe('actionFromHeading', () => {
  it('reads a heading that is an item itself, without its number', () => {
    expect(actionFromHeading('1) Alerts added for pgbouncer errors by `@ada`')).toMatchObject({
      title: 'Alerts added for pgbouncer errors by `@ada`',
      owner: 'ada',
      status: 'DONE',
    })
    expect(actionFromHeading('2、增加发布前的索引检查')).toMatchObject({
      title: '增加发布前的索引检查',
      status: 'OPEN',
    })
  })
})

describe('promisedIn: follow-ups promised in prose', () => {
  it('takes the sentences that commit to future work, in either language, curly apostrophes too', () => {
    const titles = promisedIn([
      'The database stalled. Secondly, we’ll add a manual override to our db healthchecks, so we can respond faster.',
      '目前同步服务已基本恢复正常。我们也在积极评估方案，以避免此类事件再次发生。',
    ]).map((a) => [a.title, a.status])
    expect(titles).toEqual([
      ['Secondly, we’ll add a manual override to our db healthchecks, so we can respond faster.', 'OPEN'],
      ['我们也在积极评估方案，以避免此类事件再次发生。', 'OPEN'],
    ])
    expect(
      promisedIn(['为了从根本上解决这个问题, 仍然需要查明是什么原因导致频繁触发 reload。']).map(
        (a) => a.title,
      ),
    ).toEqual(['为了从根本上解决这个问题, 仍然需要查明是什么原因导致频繁触发 reload。'])
  })

  it('leaves out reports and announcements that promise no work of their own', () => {
    expect(
      promisedIn([
        'We will continue to monitor the situation and provide an update within the hour.',
        'This is unacceptable and we’ll be making several changes to make sure this doesn’t happen again.',
        '间歇性的网络问题仍然存在，我们将继续排查问题。',
        '我们回滚了版本以避免影响扩大。',
        '预计将于14:00恢复。',
        'The fix was deployed at 10:02 and errors stopped.',
        'We will do the following:',
      ]),
    ).toEqual([])
  })

  it('reads "我们将 X 升级到…" told of the past ("前段时间", "…后导致") as what happened, not a promise', () => {
    expect(promisedIn(['前段时间我们将 istio 版本升级到 1.12 后导致现有的应用监控有部分数据丢失。'])).toEqual(
      [],
    )
    expect(promisedIn(['我们将在下个版本把 istio 升级到 1.13。']).map((a) => a.title)).toEqual([
      '我们将在下个版本把 istio 升级到 1.13。',
    ])
  })
})

describe('followUpsIn: follow-ups told inside the fix', () => {
  it('a step the fix says is not done yet ("暂未实现", "not yet implemented") is open work, without its hand-written number', () => {
    expect(
      followUpsIn('1、清理掉Redis数据\n\n3、采用多次hash的方式将数据均匀分布到不同的节点上（暂未实现）').map(
        (i) => [i.title, i.status],
      ),
    ).toEqual([['采用多次hash的方式将数据均匀分布到不同的节点上（暂未实现）', 'OPEN']])
    expect(
      followUpsIn('We flushed the cache. Sharding the keys is not yet implemented.').map((i) => i.title),
    ).toEqual(['Sharding the keys is not yet implemented.'])
  })
})

describe('due dates', () => {
  it('a due date without a year is the first such day on or after the incident; unknown without its day', () => {
    const [item] = items(
      '| Action | Owner | Target Date |\n|---|---|---|\n| **5. Implement canary deployments** | Platform Team | Dec 15 |',
    )
    expect(item).toMatchObject({
      title: 'Implement canary deployments',
      owner: 'Platform Team',
      due: '--12-15',
    })
    expect(dueAfter('--12-15', new Date('2024-11-15T14:22:00Z'))).toBe('2024-12-15')
    expect(dueAfter('--01-10', new Date('2024-11-15T14:22:00Z'))).toBe('2025-01-10')
    expect(dueAfter('--11-15', new Date('2024-11-15T14:22:00Z'))).toBe('2024-11-15')
    expect(dueAfter('--12-15', null)).toBeNull()
    expect(dueAfter('2023-05-01', new Date('2024-11-15T14:22:00Z'))).toBe('2023-05-01')
  })
})
