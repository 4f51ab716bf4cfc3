import { describe, expect, it } from 'vitest'
import type { ParsedHypothesis } from '../parsed-retro'
import { Hypotheses } from './hypotheses'

const suspected = (...texts: string[]) => {
  const list: ParsedHypothesis[] = []
  const hypotheses = new Hypotheses(list)
  for (const text of texts) hypotheses.suspicions(text)
  return list.map((h) => [h.statement, h.status])
}

describe('suspicions told in prose', () => {
  it('what a paragraph suspects after calling it a wrong turn ("走了一些弯路", "red herrings") was ruled out', () => {
    expect(suspected('排查时走了一些弯路。一开始认为是日志写满了磁盘，又看了网络流量。')).toEqual([
      ['日志写满了磁盘', 'ELIMINATED'],
    ])
    expect(suspected('一开始认为是日志写满了磁盘，又看了网络流量。')).toEqual([['日志写满了磁盘', 'OPEN']])
  })

  it('a suspicion after a fix that was tried is still a suspicion; checking that a fix held is not one', () => {
    expect(suspected('内存空间足够，也没有做过调整，怀疑与最新发布的代码版本有关。')).toEqual([
      ['与最新发布的代码版本有关', 'OPEN'],
    ])
    expect(
      suspected('After restarting the pods the errors came back, so we suspected the connection pool.'),
    ).toEqual([['the connection pool', 'OPEN']])
    expect(
      suspected('After deploying the fix I monitored the logs to see whether any more errors would occur.'),
    ).toEqual([])
    expect(suspected('改完参数后可以用 show variables 来查看是否设置成功。')).toEqual([])
    expect(suspected('We restarted the pods to see whether the change took effect.')).toEqual([])
  })

  it('a suspicion its teller could not find anything for ("但是找不到…") was ruled out', () => {
    expect(suspected('目前怀疑是网关某个地方存在超时，但是找不到哪里有这个配置。')).toEqual([
      ['网关某个地方存在超时', 'ELIMINATED'],
    ])
  })

  it('a cause suspected again in other words is the same hypothesis, settled by the later telling', () => {
    expect(
      suspected(
        '一开始怀疑是网关某个地方配置了 180s 超时。',
        '后来又怀疑是网关某个地方存在 180s 超时，但是排除了。',
      ),
    ).toEqual([['网关某个地方配置了 180s 超时', 'ELIMINATED']])
    // Different causes stay apart.
    expect(suspected('怀疑是网关配置了超时。', '又怀疑是数据库连接池耗尽。')).toHaveLength(2)
  })

  it('alternatives in one suspicion are two causes when each says enough on its own', () => {
    expect(suspected('We think it was a code bug or error in database connection configuration.')).toEqual([
      ['a code bug', 'OPEN'],
      ['error in database connection configuration', 'OPEN'],
    ])
    expect(suspected('怀疑是网络抖动或者磁盘写满导致的。')).toEqual([
      ['网络抖动', 'OPEN'],
      ['磁盘写满导致的', 'OPEN'],
    ])
    expect(suspected('We suspected read or write latency.')).toEqual([['read or write latency', 'OPEN']])
  })

  it('a guess after "we do not know what triggered it" stays open against another root cause', () => {
    const list: ParsedHypothesis[] = []
    const hypotheses = new Hypotheses(list)
    hypotheses.suspicions('We do not know what triggered the switch. We think it was a code bug.')
    hypotheses.suspicions('At first we suspected the load balancer.')
    hypotheses.ruleOutAgainst('An engineer restarted the wrong server.')
    expect(list.map((h) => [h.statement, h.status])).toEqual([
      ['a code bug', 'OPEN'],
      ['the load balancer', 'ELIMINATED'],
    ])
  })

  it('a suspicion the cause or the fix states as fact held; one they do not state was ruled out', () => {
    const list: ParsedHypothesis[] = []
    const hypotheses = new Hypotheses(list)
    hypotheses.suspicions('At 09:19 Ada begins suspecting that the scheduler is unable to deploy itself.')
    hypotheses.suspicions('At first we suspected the load balancer.')
    hypotheses.ruleOutAgainst(
      'The deploy job ran in the wrong namespace.',
      'The scheduler was then unable to deploy itself, because its job was in the wrong namespace. We deployed it by hand.',
    )
    expect(list.map((h) => [h.statement, h.status])).toEqual([
      ['the scheduler is unable to deploy itself', 'CONFIRMED'],
      ['the load balancer', 'ELIMINATED'],
    ])
  })

  it('"X, the usual suspects, were ruled out as the cause" rules X out; "we suspect X to be the cause" names X', () => {
    expect(
      suspected('- Disk space and other resources, the usual suspects, were ruled out as the cause.'),
    ).toEqual([['Disk space and other resources, the usual suspects', 'ELIMINATED']])
    expect(
      suspected('We suspect an intermittent external networking issue to be the cause of this outage.'),
    ).toEqual([['an intermittent external networking issue', 'OPEN']])
  })

  it('a suspicion ends at an ellipsis, where the story tells what was found ("…果然找到了")', () => {
    expect(
      suspected('为了印证这个猜想，继续分析源码，看看是否有开启多线程的地方...果然找到了，如下图'),
    ).toEqual([['有开启多线程的地方', 'CONFIRMED']])
  })

  it('a cause starts after the copula and keeps the word "problem" when it is short ("怀疑的是网络问题")', () => {
    expect(suspected('所以我们首先怀疑的是网络问题，运维说网络问题的可能性几乎为0。')).toEqual([
      ['网络问题', 'ELIMINATED'],
    ])
    expect(suspected('猜测会不会是硬件问题，一番搜索。')).toEqual([['硬件问题', 'OPEN']])
  })

  it('one sentence may rule one cause out and suspect the next ("说明不是X的问题，那就可能是Y的问题了")', () => {
    expect(suspected('说明不是数据源的问题，那就可能是数据采集节点的问题了。')).toEqual([
      ['数据源的问题', 'ELIMINATED'],
      ['数据采集节点', 'OPEN'],
    ])
  })

  it('"疑似X" is a suspicion', () => {
    expect(suspected('另外从日志看到，疑似报空间不足，后来发现磁盘很充足。')).toEqual([
      ['报空间不足', 'OPEN'],
    ])
  })

  it('"started suspecting that X" opens X', () => {
    expect(suspected('At 10:02 Mia started suspecting that the scheduler could not reach etcd.')).toEqual([
      ['the scheduler could not reach etcd', 'OPEN'],
    ])
  })

  it('a suspicion ends where the sentence turns ("… written off as X but is actually Y")', () => {
    expect(
      suspected(
        'The slowness was long written off as flaky runner hardware but is actually our own backup job saturating the disks.',
      ),
    ).toEqual([['flaky runner hardware', 'OPEN']])
  })

  it('what an investigation checks may start with "we"; a pronoun alone is still no cause', () => {
    expect(
      suspected(
        'Bo started investigating whether we had lost the primary database, since replicas kept failing over.',
      ),
    ).toEqual([['we had lost the primary database', 'OPEN']])
    expect(suspected('We suspected we were wrong.')).toEqual([])
  })

  it('a cause stated as not it ("It is not a DNS problem") is ruled out', () => {
    expect(suspected("It's not a DNS problem - every resolver answered in time.")).toEqual([
      ['DNS problem', 'ELIMINATED'],
    ])
    expect(suspected('It was not a disk problem.')).toEqual([['disk problem', 'ELIMINATED']])
  })

  it('"查看是否X，结果是没有" checks X and finds nothing; a belief that misled the team is ruled out', () => {
    expect(suspected('登录从库，查看是否有长时间运行的查询，结果是没有。')).toEqual([
      ['有长时间运行的查询', 'ELIMINATED'],
    ])
    expect(suspected('因为两次报警时间接近，而认为是网络抖动引起的，误导了我们的判断。')).toEqual([
      ['网络抖动引起的', 'ELIMINATED'],
    ])
  })

  it('"we suspected", "怀疑是" open a hypothesis; the rest of the sentence or the next one settles it', () => {
    expect(suspected('We suspected a bad cache node, but it was not the cause.')).toEqual([
      ['a bad cache node', 'ELIMINATED'],
    ])
    expect(suspected('怀疑是新版本的配置问题，回滚后没有任何变化，排除。')).toEqual([
      ['新版本的配置', 'ELIMINATED'],
    ])
  })

  it('a first impression ("it looked like", "会不会是", "dismissed it as") is a suspicion too', () => {
    expect(suspected('Initially it looked like a slow disk on the primary.')).toEqual([
      ['a slow disk on the primary', 'OPEN'],
    ])
    expect(suspected('会不会是定时任务并发执行，导致CPU打满？')).toEqual([['定时任务并发执行', 'OPEN']])
    expect(suspected('Ada dismissed it as a flaky network link at first.')).toEqual([
      ['a flaky network link at first', 'OPEN'],
    ])
  })

  it('a step that checked one thing and found it fine rules that thing out', () => {
    expect(suspected('2. 检查了磁盘 IO，未发现异常。随后查看慢查询日志。')).toEqual([
      ['磁盘 IO', 'ELIMINATED'],
    ])
    expect(suspected('We checked the load balancer logs, nothing unusual.')).toEqual([
      ['the load balancer logs', 'ELIMINATED'],
    ])
    expect(suspected('检查了配置，发现超时设置为 3 秒。')).toEqual([])
  })

  it('causes listed as checked ("也排查了A、B等", "we ruled out X, Y and Z") are each ruled out', () => {
    expect(suspected('我们也排查了磁盘故障、网络抖动等，都不是。')).toEqual([
      ['磁盘故障', 'ELIMINATED'],
      ['网络抖动', 'ELIMINATED'],
    ])
    expect(suspected('We ruled out DNS, the CDN and the load balancer.')).toEqual([
      ['DNS', 'ELIMINATED'],
      ['the CDN', 'ELIMINATED'],
      ['the load balancer', 'ELIMINATED'],
    ])
  })

  it('a one-word suspicion is one, a pronoun is not', () => {
    expect(suspected('The load spike was what we suspected was spam, and it was.')).toEqual([
      ['spam', 'OPEN'],
    ])
    expect(suspected('We suspected something else.')).toEqual([])
  })

  it('causes weighed as alternatives ("要么A，要么B") are each an open hypothesis', () => {
    expect(suspected('超时的原因有两种：要么连接池太小，要么下游接口响应太慢。')).toEqual([
      ['连接池太小', 'OPEN'],
      ['下游接口响应太慢', 'OPEN'],
    ])
  })

  it('a cause stated as ruled out, or one an investigation set out to check, is a hypothesis', () => {
    expect(suspected('看了日志后确定了不是网关超时导致的。')).toEqual([['网关超时导致的', 'ELIMINATED']])
    expect(suspected('为了排查是否由于负载均衡导致超时，先在集群内压测。')).toEqual([
      ['由于负载均衡导致超时', 'OPEN'],
    ])
    expect(suspected('We checked whether the replica lag caused the stale reads, and it had.')).toEqual([
      ['the replica lag caused the stale reads', 'OPEN'],
    ])
  })

  it('the paragraph after a suspicion may settle it', () => {
    const list: ParsedHypothesis[] = []
    new Hypotheses(list).suspicions(
      '会不会是多个线程同时在跑？',
      '为了印证这个猜想，继续看源码，果然找到了开启线程的地方。',
    )
    expect(list.map((h) => [h.statement, h.status])).toEqual([['多个线程同时在跑', 'CONFIRMED']])
  })
})

describe('checking that a fix held', () => {
  it('is verification, not a cause considered', () => {
    expect(
      suspected(
        'After deploying the fix I monitored the server logs to see whether any more errors would occur.',
      ),
    ).toEqual([])
    expect(suspected('We checked whether the disk was full, but it had 40 % free.')).toEqual([
      ['the disk was full', 'ELIMINATED'],
    ])
  })
})
