/*
 * One-time links where a person chooses a password (no server-only: the Users page states the
 * lifetimes). An invitation waits longer than a reset, which an admin makes while the person
 * is asking for it.
 */
export type AccountLinkKind = 'INVITE' | 'RESET'

export const linkLifetimeHours: Record<AccountLinkKind, number> = { INVITE: 7 * 24, RESET: 24 }

/** The path of a link's page; the token is the only secret in it. */
export const accountLinkPath = (kind: AccountLinkKind, token: string) =>
  `${kind === 'INVITE' ? '/invite' : '/reset-password'}/${token}`
