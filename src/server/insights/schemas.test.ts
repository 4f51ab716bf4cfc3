import { describe, expect, it } from 'vitest'
import { insightsInput } from './schemas'

describe('the insights filters', () => {
  it('take the form’s empty “All” values as no filter, not as a name nothing has', () => {
    const form = { from: '', to: '', service: '', tag: ' ', severity: '', launch: '', scope: '' }
    expect(insightsInput.parse(form)).toEqual({
      from: undefined,
      to: undefined,
      service: undefined,
      tag: undefined,
      severity: undefined,
      launch: undefined,
      scope: 'published',
    })
  })

  it('keep a chosen value, trimmed, and refuse a bad one with its field', () => {
    expect(insightsInput.parse({ service: ' checkout ', launch: 'v1-1' })).toMatchObject({
      service: 'checkout',
      launch: 'v1-1',
    })
    const refused = insightsInput.safeParse({ severity: 'SEV9', from: '2026-13-01' })
    expect(refused.success || refused.error.issues.map((i) => i.path[0]).sort()).toEqual(['from', 'severity'])
  })
})
