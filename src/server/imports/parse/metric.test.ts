import { describe, expect, it } from 'vitest'
import { emptyPostmortem, type ParsedPostmortem } from '../parsed-retro'
import { findMetric } from './metric'

const retro = (fields: Partial<ParsedPostmortem>): ParsedPostmortem => ({
  ...emptyPostmortem('x'),
  ...fields,
})

describe('findMetric', () => {
  it('reads "0.6/s → 80/s" in the verification', () => {
    expect(
      findMetric(retro({ verification: 'Queue throughput went 0.6/s → 80/s after the index.' })),
    ).toEqual({
      label: 'Queue throughput',
      before: '0.6/s',
      after: '80/s',
    })
  })

  it('reads an arrow between spaced figures with different units', () => {
    expect(
      findMetric(retro({ verification: 'Search p95 dropped from 2.4 s → 85 ms after throttling.' })),
    ).toEqual({
      label: 'Search p95',
      before: '2.4s',
      after: '85ms',
    })
  })

  it('"增至80/s" takes the before value written earlier, in the same unit', () => {
    expect(
      findMetric(
        retro({
          symptom: '执行初始化脚本后，mq上报速度为0.6/s，任务严重积压。',
          verification: '添加索引后，mq上报速度瞬间增至80/s，五分钟内消费完成。',
        }),
      ),
    ).toEqual({ label: 'mq上报速度', before: '0.6/s', after: '80/s' })
  })

  it('finds the before value in the timeline or a hypothesis’ evidence', () => {
    expect(
      findMetric(
        retro({
          timeline: [{ kind: 'OBSERVATION', text: '10:00 接口耗时 3000ms', hypothesis: null }],
          verification: '接口耗时降至 120ms',
        }),
      ),
    ).toEqual({ label: '接口耗时', before: '3000ms', after: '120ms' })
    expect(
      findMetric(
        retro({
          hypotheses: [
            {
              statement: 'Slow disk',
              status: 'CONFIRMED',
              evidence: 'Write latency was 900ms on the replica.',
            },
          ],
          verification: 'Write latency dropped to 40ms.',
        }),
      ),
    ).toMatchObject({ before: '900ms', after: '40ms' })
  })

  it('is null without a before value in the same unit, or without a figure', () => {
    expect(findMetric(retro({ symptom: '接口耗时 300ms', verification: '上报速度增至80/s' }))).toBeNull()
    expect(findMetric(retro({ verification: 'It looks fine now.' }))).toBeNull()
    expect(findMetric(retro({}))).toBeNull()
  })
})
