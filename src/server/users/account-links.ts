import 'server-only'
import { createHash, randomBytes } from 'node:crypto'
import { recordAuditEvent } from '../audit/record-audit-event'
import { db, type Tx } from '../db'
import { err, ok, type Result } from '../result'
import { linkLifetimeHours, type AccountLinkKind } from './account-link-rules'
import { hashPassword } from './create-account'
import type { RedeemAccountLinkInput } from './schemas'

/*
 * One-time links for invitations and admin resets (docs/decisions/014). The token (256 random
 * bits) is shown once to the admin; only its SHA-256 is stored, so a database copy or a
 * backup opens no account. A person has at most one live link: a new one expires the older
 * ones. Using a link consumes it in the same transaction that sets the password, so two
 * concurrent uses cannot both succeed.
 */
const HOUR = 3_600_000
const hash = (token: string) => createHash('sha256').update(token).digest('hex')

/** A new link for `userId`, in the caller's transaction; earlier unused links expire now. */
export async function issueAccountLink(
  tx: Tx,
  { userId, kind, now = new Date() }: { userId: string; kind: AccountLinkKind; now?: Date },
): Promise<{ token: string; expiresAt: Date }> {
  await expireAccountLinks(tx, userId, now)
  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(now.getTime() + linkLifetimeHours[kind] * HOUR)
  await tx.accountLink.create({ data: { kind, tokenHash: hash(token), userId, expiresAt } })
  return { token, expiresAt }
}

/** Every unused link of a person stops working (deactivation, a newer link). */
export async function expireAccountLinks(tx: Tx, userId: string, now = new Date()) {
  await tx.accountLink.updateMany({
    where: { userId, usedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  })
}

export type AccountLinkView =
  | { status: 'valid'; kind: AccountLinkKind; name: string; email: string }
  | { status: 'used' | 'expired' | 'unknown'; kind?: AccountLinkKind }

/** What the link's page shows: who it is for while valid, else why it no longer works. */
export async function getAccountLink({
  input,
  now = new Date(),
}: {
  input: { token: string }
  now?: Date
}): Promise<AccountLinkView> {
  const link = await db.accountLink.findUnique({
    where: { tokenHash: hash(input.token) },
    select: {
      kind: true,
      expiresAt: true,
      usedAt: true,
      user: { select: { name: true, email: true, deactivatedAt: true } },
    },
  })
  if (!link) return { status: 'unknown' }
  if (link.usedAt) return { status: 'used', kind: link.kind }
  if (link.expiresAt <= now || link.user.deactivatedAt) return { status: 'expired', kind: link.kind }
  return { status: 'valid', kind: link.kind, name: link.user.name, email: link.user.email }
}

/**
 * The person behind a link sets their password: the link is used up, every session of the
 * account ends (a reset is often made because someone else may know the old password).
 * Refusals name the reason in `message`: linkUnknown, linkUsed, linkExpired.
 */
export async function redeemAccountLink({
  input,
  now = new Date(),
}: {
  input: RedeemAccountLinkInput
  now?: Date
}): Promise<Result<{ kind: AccountLinkKind; email: string }>> {
  const view = await getAccountLink({ input, now })
  if (view.status !== 'valid') return refusal(view.status)
  // The slow hash before the transaction, which must not hold the embedded database's one connection.
  const passwordHash = await hashPassword(input.password)
  return db.$transaction(async (tx) => {
    const tokenHash = hash(input.token)
    const { count } = await tx.accountLink.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now }, user: { deactivatedAt: null } },
      data: { usedAt: now },
    })
    if (count !== 1) return refusal('used')
    const link = await tx.accountLink.findUniqueOrThrow({
      where: { tokenHash },
      select: { kind: true, user: { select: { id: true, name: true, email: true } } },
    })
    const { user } = link
    const credential = await tx.account.findFirst({
      where: { userId: user.id, providerId: 'credential' },
      select: { id: true },
    })
    if (credential)
      await tx.account.update({ where: { id: credential.id }, data: { password: passwordHash } })
    else
      await tx.account.create({
        data: {
          id: crypto.randomUUID(),
          accountId: user.id,
          providerId: 'credential',
          userId: user.id,
          password: passwordHash,
        },
      })
    const ended = await tx.session.deleteMany({ where: { userId: user.id } })
    await recordAuditEvent(
      {
        actor: user,
        action: link.kind === 'INVITE' ? 'invite-accepted' : 'password-reset',
        target: `user:${user.email}`,
        detail: link.kind === 'RESET' ? `${ended.count} sessions ended` : '',
      },
      tx,
    )
    return ok({ kind: link.kind, email: user.email })
  })
}

function refusal(status: 'used' | 'expired' | 'unknown') {
  if (status === 'unknown') return err('NOT_FOUND', { message: 'linkUnknown' })
  return err('INVALID_STATE', { message: status === 'used' ? 'linkUsed' : 'linkExpired' })
}
