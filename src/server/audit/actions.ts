/** Everything the audit log records; the UI names each in `AuditActions` (en and zh-CN). */
export const auditActions = [
  'sign-in',
  'sign-in-failed',
  'user-created',
  'role-changed',
  'sign-in-unlocked',
  'token-created',
  'token-revoked',
  'postmortem-published',
  'postmortem-sent-back',
  'launch-overridden',
  'backup-created',
  'backup-restored',
] as const
export type AuditAction = (typeof auditActions)[number]
