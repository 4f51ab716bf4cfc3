import { describe, expect, it } from 'vitest'
import { hasRole } from './roles'

describe('hasRole', () => {
  it('orders roles viewer < editor < admin', () => {
    expect(hasRole({ role: 'ADMIN' }, 'EDITOR')).toBe(true)
    expect(hasRole({ role: 'EDITOR' }, 'EDITOR')).toBe(true)
    expect(hasRole({ role: 'EDITOR' }, 'ADMIN')).toBe(false)
    expect(hasRole({ role: 'VIEWER' }, 'EDITOR')).toBe(false)
    expect(hasRole({ role: 'VIEWER' }, 'VIEWER')).toBe(true)
  })
})
