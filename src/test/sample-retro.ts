import { emptyDocument, type PostmortemDocument } from '@/server/postmortems/schemas'

/** The canonical example's first incident (seeds/launch-retro-mobile-alliance-1.1.zh.md), every list filled. */
export const H1 = '0b7e3f0e-0000-4000-8000-000000000001'
export const H2 = '0b7e3f0e-0000-4000-8000-000000000002'
export const L1 = '0b7e3f0e-0000-4000-8000-000000000011'

export const sampleRetro = (): PostmortemDocument => ({
  ...emptyDocument('老用户福利初始化脚本执行过慢'),
  severity: 'SEV2',
  occurredAt: '2026-11-20T08:00:00.000Z',
  symptom: '脚本执行速度 0.6/s，预计要跑 3 天',
  rootCause: 'uid 没有建索引',
  rootCauseCategory: 'SCHEMA',
  metric: { label: '执行速度', before: '0.6/s', after: '80/s' },
  tags: ['mysql', '上线'],
  services: ['user-center'],
  hypotheses: [
    { id: H1, statement: '主从问题', status: 'ELIMINATED', evidence: '查主库依然 0.6/s' },
    { id: H2, statement: '索引问题', status: 'CONFIRMED', evidence: 'EXPLAIN 全表扫描' },
  ],
  timeline: [
    {
      id: '0b7e3f0e-0000-4000-8000-000000000021',
      at: null,
      kind: 'ATTEMPT',
      text: '改查 152 主库',
      hypothesisId: H1,
    },
  ],
  openQuestions: [
    { id: '0b7e3f0e-0000-4000-8000-000000000031', text: '为什么测试环境两个小时就完成？', answer: '' },
  ],
  lessons: [{ id: L1, text: '上线前在生产规模的数据上执行初始化脚本并查看执行计划' }],
  actionItems: [
    {
      id: '0b7e3f0e-0000-4000-8000-000000000041',
      title: '给 uid 加永久索引',
      ownerId: null,
      dueDate: '2026-12-01',
      status: 'IN_PROGRESS',
      link: 'https://example.com/1',
    },
  ],
})
