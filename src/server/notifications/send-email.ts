import 'server-only'
import nodemailer, { type Transporter } from 'nodemailer'
import type { AttemptResult } from './send-webhook'
import { smtpFrom, smtpUrl } from './settings'

let cached: { url: string; transport: Transporter } | null = null

function transport(url: string): Transporter {
  if (cached?.url !== url) cached = { url, transport: nodemailer.createTransport(url) }
  return cached.transport
}

/** Sends one plain-text e-mail through SMTP_URL; the SMTP reply is kept like a webhook's answer. */
export async function sendEmail({
  to,
  subject,
  text,
}: {
  to: string
  subject: string
  text: string
}): Promise<AttemptResult> {
  const url = smtpUrl()
  if (!url) return { delivered: false, code: null, excerpt: 'SMTP_URL is not set' }
  try {
    const info = await transport(url).sendMail({ from: smtpFrom(), to, subject, text })
    const reply = String(info.response ?? '')
    return { delivered: true, code: Number(reply.slice(0, 3)) || 250, excerpt: reply.slice(0, 500) }
  } catch (error) {
    const e = error as { responseCode?: number; message?: string }
    return {
      delivered: false,
      code: e.responseCode ?? null,
      excerpt: String(e.message ?? error).slice(0, 500),
    }
  }
}
