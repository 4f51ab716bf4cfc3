/*
 * Where a member stands (no server-only: the Users page shows it and offers the matching
 * buttons). `invited`: the account waits for its first password, set through an invite link.
 */
export const memberStatuses = ['active', 'invited', 'deactivated', 'removed'] as const
export type MemberStatus = (typeof memberStatuses)[number]

export function memberStatus(user: {
  deactivatedAt: Date | null
  removedAt: Date | null
  hasPassword: boolean
  pendingInvite: boolean
}): MemberStatus {
  if (user.removedAt) return 'removed'
  if (user.deactivatedAt) return 'deactivated'
  if (!user.hasPassword && user.pendingInvite) return 'invited'
  return 'active'
}

/** What an admin may do to a member in each status (the use cases enforce the same). */
export const memberActions: Record<
  MemberStatus,
  readonly ('resetLink' | 'deactivate' | 'reactivate' | 'remove')[]
> = {
  active: ['resetLink', 'deactivate', 'remove'],
  invited: ['resetLink', 'deactivate', 'remove'],
  deactivated: ['reactivate', 'remove'],
  removed: [],
}
