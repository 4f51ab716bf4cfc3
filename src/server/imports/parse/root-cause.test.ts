import { describe, expect, it } from 'vitest'
import { namedCauses, rootCauseSentence } from './root-cause'

describe('rootCauseSentence', () => {
  it('"the issue was spotted / reported …" tells how it was seen, not why; a dropped or deprecated support is a cause', () => {
    expect(rootCauseSentence(['The issue was spotted on IE11 browsers.'])).toBeNull()
    expect(rootCauseSentence(['The problem was reported by a customer at 14:02.'])).toBeNull()
    expect(
      rootCauseSentence([
        'The issue was spotted on IE11 browsers. The new Nginx has deprecated support for TLS < 1.3.',
      ])?.text,
    ).toBe('The new Nginx has deprecated support for TLS < 1.3.')
    expect(rootCauseSentence(['The issue was a missing index on orders.'])?.text).toBe(
      'The issue was a missing index on orders.',
    )
  })

  it('a cause sentence takes the next one when it refers back to it ("This profile was set too aggressively")', () => {
    expect(
      rootCauseSentence([
        'Our WEUR location began tripping filters due to a newly installed mitigation profile. This profile was set too aggressively. In consultation with our provider we removed it.',
      ])?.text,
    ).toBe(
      'Our WEUR location began tripping filters due to a newly installed mitigation profile. This profile was set too aggressively.',
    )
    expect(
      rootCauseSentence(['Checkout failed because of a missing index. We added it the same day.'])?.text,
    ).toBe('Checkout failed because of a missing index.')
  })

  it('a strong cue wins over a weak one, wherever it is', () => {
    expect(
      rootCauseSentence([
        'Checkout errors spiked because of a deploy at 14:00.',
        'After two hours we found that the root cause was a missing index on orders.user_id.',
      ]),
    ).toEqual({
      text: 'After two hours we found that the root cause was a missing index on orders.user_id.',
      sure: true,
    })
    expect(rootCauseSentence(['由于流量突增，接口开始超时。问题原因是连接池只配置了 10 个连接。'])).toEqual({
      text: '问题原因是连接池只配置了 10 个连接。',
      sure: true,
    })
  })

  it('"定位到" names the cause only with a cause in the same sentence', () => {
    expect(
      rootCauseSentence(['定位到 清除旧订单缓存时使用的key还是更新前的key，导致删除缓存失败。']),
    ).toEqual({
      text: '定位到 清除旧订单缓存时使用的key还是更新前的key，导致删除缓存失败。',
      sure: true,
    })
    expect(
      rootCauseSentence([
        '定位到 nginx 的启动配置在 /etc/nginx/nginx.conf，我们直接查看该配置。',
        'worker 重启导致了连接断开。',
      ]),
    ).toEqual({ text: 'worker 重启导致了连接断开。', sure: false })
  })

  it('"问题原因是…" in the middle of prose is the root cause', () => {
    expect(
      rootCauseSentence(['签到列表没有更新。问题原因是缓存的过期时间被设置成了一天。我们已经修复。']),
    ).toEqual({
      text: '问题原因是缓存的过期时间被设置成了一天。',
      sure: true,
    })
  })

  it('a hedged or stressed statement ("问题应该是…", "原因就是…") is a root cause too', () => {
    expect(
      rootCauseSentence(['由于是内部接口，先忽略了错误。排查后发现问题应该是那台服务器的根证书没有更新。']),
    ).toEqual({ text: '排查后发现问题应该是那台服务器的根证书没有更新。', sure: true })
    expect(rootCauseSentence(['页面打不开。原因就是配置里少了一个斜杠。'])).toEqual({
      text: '原因就是配置里少了一个斜杠。',
      sure: true,
    })
  })

  it('a finding told as the end of a search ("we later discovered the true cause", "最终发现") is a root cause', () => {
    expect(
      rootCauseSentence([
        'Our team investigated for hours. We later discovered the true cause: the nightly vacuum job had locked the table.',
      ]),
    ).toEqual({
      text: 'We later discovered the true cause: the nightly vacuum job had locked the table.',
      sure: true,
    })
    expect(
      rootCauseSentence(['压测一切正常。逐个节点排查，最终发现其中有一个节点内存使用率达到100%。']),
    ).toEqual({
      text: '逐个节点排查，最终发现其中有一个节点内存使用率达到100%。',
      sure: true,
    })
  })

  it('"which caused …" says a cause, weakly', () => {
    expect(
      rootCauseSentence(['Our database started stalling, which caused a small blip in service.']),
    ).toEqual({
      text: 'Our database started stalling, which caused a small blip in service.',
      sure: false,
    })
  })

  it('a weak cue alone is found but not sure', () => {
    expect(rootCauseSentence(['由于磁盘写满，服务无法写日志。'])).toEqual({
      text: '由于磁盘写满，服务无法写日志。',
      sure: false,
    })
    expect(rootCauseSentence(['Logins failed due to an expired certificate on the gateway.'])).toEqual({
      text: 'Logins failed due to an expired certificate on the gateway.',
      sure: false,
    })
  })

  it('conclusions ("可以断定是", "主要原因", "traced back to") are strong cues', () => {
    expect(rootCauseSentence(['接口变慢了。可以断定是定时任务锁表导致的。'])).toEqual({
      text: '可以断定是定时任务锁表导致的。',
      sure: true,
    })
    expect(rootCauseSentence(['由于流量上涨，内存不足。消息堆积是造成这次故障的主要原因。'])?.text).toBe(
      '消息堆积是造成这次故障的主要原因。',
    )
    expect(
      rootCauseSentence([
        'Builds failed. We traced the failures back to a stale cache key.',
        'It stemmed from a bad merge.',
      ])?.text,
    ).toBe('It stemmed from a bad merge.')
  })

  it('a question or a search for the cause does not state it', () => {
    expect(rootCauseSentence(['为了理解死锁的原因，先看一下锁的机制。那么根本原因是什么呢？'])).toBeNull()
    expect(
      rootCauseSentence([
        'To analyse the root cause we use the five whys. The root cause was an unbounded queue.',
      ])?.text,
    ).toBe('The root cause was an unbounded queue.')
  })

  it('a "Root cause:" fragment takes the sentence that follows it', () => {
    expect(rootCauseSentence(['Root cause:\nA missing index on user_id.'])?.text).toBe(
      'Root cause: A missing index on user_id.',
    )
  })

  it('keeps at most three sentences, in the order of the texts', () => {
    const found = rootCauseSentence([
      'The root cause was a typo in the config. The underlying cause was a missing schema check. The root cause of the delay was paging. The root cause of the typo was fatigue.',
      'The root cause was something else entirely.',
    ])
    expect(found?.text).toBe(
      'The root cause was a typo in the config. The underlying cause was a missing schema check. The root cause of the delay was paging.',
    )
  })

  it('reads on into the next texts when the first has only one cue sentence', () => {
    const found = rootCauseSentence([
      'The summary says the root cause was a bad deploy.',
      'Nothing here.',
      'The root cause of the bad deploy was a skipped canary. The root cause of the delay was paging. The root cause of the paging was a stale rota.',
    ])
    expect(found?.text).toBe(
      'The summary says the root cause was a bad deploy. The root cause of the bad deploy was a skipped canary. The root cause of the delay was paging.',
    )
  })

  it('ignores code blocks', () => {
    expect(rootCauseSentence(['We restarted it.\n\n```\n# root cause: unknown\n```'])).toBeNull()
  })

  it('nothing found → null', () => {
    expect(rootCauseSentence(['Everything was slow for an hour.', 'We restarted the service.'])).toBeNull()
    expect(rootCauseSentence(['当天晚上八点收到告警，重启后恢复。'])).toBeNull()
    expect(rootCauseSentence([])).toBeNull()
  })

  it('a sentence that names the root cause comes before other findings, however long, with the sentence that carries it on', () => {
    const story = [
      'We discovered that the queue was growing. We discovered that workers restarted often. We found that retries doubled the load.',
      `The root cause was a mismatch between the client's keep-alive setting, ${'the proxy idle timeout and the pool size, '.repeat(8)}and the kernel's port range. All of these together meant that connections were dropped without an error.`,
    ]
    const found = rootCauseSentence(story)!
    expect(found.text.startsWith('The root cause was a mismatch')).toBe(true)
    expect(found.text).toContain('connections were dropped without an error')
    expect(found.text).not.toContain('retries doubled the load')
    expect(rootCauseSentence(['接口超时。根本原因是连接池太小。从而请求排队等待。'])).toEqual({
      text: '根本原因是连接池太小。 从而请求排队等待。',
      sure: true,
    })
  })
})

describe('namedCauses', () => {
  it('finds the sentences that name the root cause, in any text, and nothing else', () => {
    expect(
      namedCauses([
        '分析慢查询日志确定拖垮db的根本原因是上面的第二条查询\n通过explain分析上面的查询语句，虽然用到了索引，但依然很慢',
        'We rolled back at 14:02. The root cause was a missing index on orders.user_id.',
      ]),
    ).toEqual([
      '分析慢查询日志确定拖垮db的根本原因是上面的第二条查询',
      'The root cause was a missing index on orders.user_id.',
    ])
    expect(namedCauses(['为了找到根本原因，我们查看了日志。', 'Caused by a deploy.'])).toEqual([])
  })
})

describe('a cause told by what was wrong, without "because"', () => {
  it('a misconfiguration, an expired or discontinued dependency, a mistake is a stated cause', () => {
    expect(
      rootCauseSentence([
        'Between 21:27 and 07:27 hex.pm could not be reached. Our renewal process relied on an external service that has been discontinued.',
      ])?.text,
    ).toBe('Our renewal process relied on an external service that has been discontinued.')
    expect(
      rootCauseSentence(['A misconfiguration within the cache cluster would cause random timeouts.'])?.text,
    ).toBe('A misconfiguration within the cache cluster would cause random timeouts.')
    expect(rootCauseSentence(['看了下文档，node 的每个版本都硬编码了根证书。'])?.text).toBe(
      '看了下文档，node 的每个版本都硬编码了根证书。',
    )
  })
})

describe('a cause told as what someone did not know or what went missing', () => {
  it('is a stated cause', () => {
    expect(
      rootCauseSentence([
        'IE11 users saw errors. He wasn’t fully aware which workspace he was in, so the nodes were deleted.',
      ])?.text,
    ).toContain('fully aware')
    expect(rootCauseSentence(['The error occurred because the provider had been unregistered.'])).toEqual({
      text: 'The error occurred because the provider had been unregistered.',
      sure: true,
    })
    expect(rootCauseSentence(['执行后没啥效果，后来发现是因为此 region 超过一半副本出问题了。'])?.sure).toBe(
      true,
    )
  })

  it('a change left undone, a self-inflicted flood or a block that started is a cause', () => {
    expect(
      rootCauseSentence([
        'The team deployed on Monday. An engineer changed the load balancers by hand and did not update the certificates in the templates.',
      ])?.text,
    ).toBe(
      'An engineer changed the load balancers by hand and did not update the certificates in the templates.',
    )
    expect(
      rootCauseSentence([
        'The database stalled. We then proceeded to DDOS ourselves as every client retried.',
      ])?.text,
    ).toContain('DDOS ourselves')
    expect(rootCauseSentence(['Our provider started blocking port 32400.'])?.text).toContain(
      'started blocking',
    )
    expect(rootCauseSentence(['We deployed the new version on Monday.'])).toBeNull()
  })
})
