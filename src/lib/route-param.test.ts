import { describe, expect, it } from 'vitest'
import { decodeRouteParam } from './route-param'

describe('decodeRouteParam', () => {
  it('decodes a segment once', () => {
    expect(decodeRouteParam('mobile-alliance-1-2')).toBe('mobile-alliance-1-2')
    expect(decodeRouteParam('%E7%A7%BB%E5%8A%A8')).toBe('移动')
  })

  it('is null for broken encodings, control characters and overlong segments', () => {
    expect(decodeRouteParam('%')).toBeNull()
    expect(decodeRouteParam('%E0%A4%A')).toBeNull()
    expect(decodeRouteParam('%00')).toBeNull()
    expect(decodeRouteParam('a%0Ab')).toBeNull()
    expect(decodeRouteParam('a'.repeat(201))).toBeNull()
    expect(decodeRouteParam('a'.repeat(200))).toBe('a'.repeat(200))
  })
})
