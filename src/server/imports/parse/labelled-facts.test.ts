import { describe, expect, it } from 'vitest'
import { facts } from './front-matter'
import { labelledFacts } from './labelled-facts'
import { parseMarkdown } from './markdown'

const read = (source: string) => facts(labelledFacts(parseMarkdown(source).children, 0))

describe('facts stated in labelled lines above the story', () => {
  it('reads severity, date and services from bold labels, as front matter would', () => {
    const stated = read(
      '# Post-Incident Summary: Service-D rollback\n\n**Date:** November 15, 2024  \n**Severity:** P2 (Service Degraded)  \n**Affected Service:** Service-D (Internal Payment Processing API)\n\n## Timeline\n\n- 14:22 deploy',
    )
    expect(stated).toMatchObject({ severity: 'SEV2', services: ['Service-D'] })
    expect(stated.occurredAt?.slice(0, 10)).toBe('2024-11-15')
  })

  it('reads Chinese labels, list items and two-column tables', () => {
    expect(read('- 故障等级：P1\n- 影响服务：支付网关、订单服务\n\n## 经过\n\n略')).toMatchObject({
      severity: 'SEV1',
      services: ['支付网关', '订单服务'],
    })
    expect(read('| Severity | 🔴 Critical |\n|---|---|\n| Tags | cache, redis |')).toMatchObject({
      severity: 'SEV1',
      tags: ['cache', 'redis'],
    })
  })

  it('leaves the story alone: labels after the first section, or sentences with a colon, state nothing', () => {
    expect(read('# Outage\n\n## Impact\n\n**Severity:** P1')).toMatchObject({ severity: null, services: [] })
    expect(read('We looked at the priority queue: it was full.')).toMatchObject({ severity: null })
  })
})
