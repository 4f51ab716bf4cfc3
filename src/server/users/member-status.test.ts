import { describe, expect, it } from 'vitest'
import { memberActions, memberStatus, memberStatuses } from './member-status'

const base = { deactivatedAt: null, removedAt: null, hasPassword: true, pendingInvite: false }
const now = new Date()

describe('memberStatus', () => {
  it('names where a member stands, removal first', () => {
    expect(memberStatus(base)).toBe('active')
    expect(memberStatus({ ...base, hasPassword: false, pendingInvite: true })).toBe('invited')
    // Single sign-on accounts have no password and no invitation: active.
    expect(memberStatus({ ...base, hasPassword: false })).toBe('active')
    expect(memberStatus({ ...base, deactivatedAt: now, hasPassword: false, pendingInvite: true })).toBe(
      'deactivated',
    )
    expect(memberStatus({ ...base, deactivatedAt: now, removedAt: now })).toBe('removed')
  })

  it('offers nothing for a removed member, and reactivation only to a deactivated one', () => {
    expect(memberActions.removed).toEqual([])
    for (const status of memberStatuses)
      expect(memberActions[status].includes('reactivate')).toBe(status === 'deactivated')
  })
})
