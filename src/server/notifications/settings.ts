import 'server-only'

/*
 * The environment of notifications (README: "Webhooks and e-mail").
 * - SMTP_URL (smtp://user:pass@host:587, smtps://…): e-mail is sent only when it is set.
 * - SMTP_FROM: the sender, default "Hindsight <hindsight@localhost>".
 * - HINDSIGHT_PUBLIC_URL (or BETTER_AUTH_URL): the links in e-mail.
 * - WEBHOOK_ALLOW_PRIVATE=1: webhooks may reach loopback and private addresses (tests, an
 *   intranet receiver); by default they may not (decision 022, SSRF).
 */

export const smtpUrl = () => process.env.SMTP_URL?.trim() || null
export const emailEnabled = () => smtpUrl() !== null
export const smtpFrom = () => process.env.SMTP_FROM?.trim() || 'Hindsight <hindsight@localhost>'
export const publicUrl = () =>
  (process.env.HINDSIGHT_PUBLIC_URL?.trim() || process.env.BETTER_AUTH_URL?.trim() || '').replace(/\/+$/, '')
export const allowPrivateWebhooks = () =>
  /^(1|true|yes)$/i.test(process.env.WEBHOOK_ALLOW_PRIVATE?.trim() ?? '')

/** Tries per delivery before it is marked FAILED. */
export const MAX_ATTEMPTS = 5
/** Seconds before the next try after the n-th failed one: 30 s, 2 min, 8 min, 32 min. */
export const backoffSeconds = (attempts: number) => 30 * 4 ** Math.max(0, attempts - 1)
/** A webhook receiver must answer within this. */
export const WEBHOOK_TIMEOUT_MS = 10_000
