import { describe, expect, it } from 'vitest'
import { matchFactors } from './match-factors'

const taxonomy = [
  { id: 'change', name: 'Change or deploy · 变更发布' },
  { id: 'config', name: 'Configuration · 配置' },
  { id: 'capacity', name: 'Capacity · 容量' },
  { id: 'cert', name: 'Expired certificate or credential · 证书凭据过期' },
  { id: 'old', name: 'Monitoring gap · 监控缺失', archived: true },
]

describe('matchFactors', () => {
  it('proposes the factors whose words the root cause uses, in either language', () => {
    expect(
      matchFactors(
        { rootCause: 'A misconfigured load balancer dropped the health checks after the deploy.' },
        taxonomy,
      ),
    ).toEqual(['change', 'config'])
    expect(matchFactors({ rootCause: '连接池耗尽，证书也在同一天过期。' }, taxonomy)).toEqual([
      'capacity',
      'cert',
    ])
    expect(matchFactors({ rootCause: 'A typo in a SQL query.' }, taxonomy)).toEqual([])
  })

  it('Latin words match whole: "released" is not "release" inside another word, "nic" is not in "panic"', () => {
    expect(matchFactors({ rootCause: 'The kernel would panic under load.' }, taxonomy)).toEqual([])
  })

  it('a document that names its factors is taken at its word, by the whole name or one language’s', () => {
    expect(matchFactors({ named: ['配置', 'capacity · 容量'], rootCause: 'deploy' }, taxonomy)).toEqual([
      'config',
      'capacity',
    ])
    expect(matchFactors({ named: [], rootCause: 'misconfiguration' }, taxonomy)).toEqual([])
  })

  it('never proposes an archived factor', () => {
    expect(matchFactors({ named: ['Monitoring gap'], rootCause: 'no alert fired' }, taxonomy)).toEqual([])
    expect(matchFactors({ rootCause: 'no alert fired, monitoring was off' }, taxonomy)).toEqual([])
  })
})
