import { describe, expect, it } from 'vitest'
import { insightsInput } from '@/server/insights/schemas'
import { apiHref, listHref, monthRange } from './insights-links'

const input = (query: Record<string, string>) => insightsInput.parse(query)

describe('insights links', () => {
  it('open the published postmortems behind a figure, with the filters the list understands', () => {
    expect(listHref(input({ service: 'checkout', tag: 'db' }), { severity: 'SEV1' })).toBe(
      '/postmortems?status=PUBLISHED&severity=SEV1&tag=db&service=checkout',
    )
    // With drafts counted, the list is not narrowed to published ones.
    expect(listHref(input({ scope: 'all' }), { category: 'CODE' })).toBe('/postmortems?category=CODE')
  })

  it('write every value as a form would, spaces, punctuation and Chinese included', () => {
    const service = "支付 gateway (eu)!~'*"
    expect(listHref(input({ tag: 'a&b=c' }), { service })).toBe(
      `/postmortems?${new URLSearchParams({ status: 'PUBLISHED', tag: 'a&b=c', service })}`,
    )
  })

  it("narrow a month to the filter's period", () => {
    expect(monthRange(input({}), '2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' })
    expect(monthRange(input({ from: '2026-01-10', to: '2026-01-20' }), '2026-01')).toEqual({
      from: '2026-01-10',
      to: '2026-01-20',
    })
  })

  it('ask the API for the same figures', () => {
    expect(apiHref(input({}), 'json')).toBe('/api/v1/insights')
    expect(apiHref(input({ service: '支付', scope: 'all' }), 'csv')).toBe(
      '/api/v1/insights?service=%E6%94%AF%E4%BB%98&scope=all&format=csv',
    )
  })
})
