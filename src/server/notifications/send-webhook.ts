import 'server-only'
import { createHmac } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { isIP } from 'node:net'
import { BlockedAddressError, isPrivateAddress, publicOnlyLookup } from './address-guard'
import { allowPrivateWebhooks, WEBHOOK_TIMEOUT_MS } from './settings'

export type AttemptResult = { delivered: boolean; code: number | null; excerpt: string }

const EXCERPT = 500

/** `sha256=<hex HMAC-SHA256 of the raw body>`: what a receiver recomputes with its secret. */
export const signature = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`

/**
 * POSTs one signed body. A 2xx answer is delivered; anything else (another status, a refused
 * address, a timeout, a network error) is a failed attempt, with what came back kept short.
 */
export function sendWebhook({
  url,
  secret,
  event,
  deliveryId,
  body,
}: {
  url: string
  secret: string
  event: string
  deliveryId: string
  body: string
}): Promise<AttemptResult> {
  const target = new URL(url)
  if (target.protocol !== 'http:' && target.protocol !== 'https:')
    return Promise.resolve({ delivered: false, code: null, excerpt: 'refused: not an http(s) URL' })
  const allowPrivate = allowPrivateWebhooks()
  const host = target.hostname.replace(/^\[|\]$/g, '')
  // A literal address never goes through the lookup hook: check it here.
  if (!allowPrivate && isIP(host) && isPrivateAddress(host))
    return Promise.resolve({ delivered: false, code: null, excerpt: new BlockedAddressError(host).message })
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise((resolve) => {
    const req = request(
      target,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'Hindsight-Webhook/1',
          'x-hindsight-event': event,
          'x-hindsight-delivery': deliveryId,
          'x-hindsight-signature': signature(secret, body),
        },
        lookup: allowPrivate ? undefined : publicOnlyLookup,
        timeout: WEBHOOK_TIMEOUT_MS,
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          if (text.length < EXCERPT) text += chunk
        })
        const done = () => {
          const code = res.statusCode ?? null
          resolve({ delivered: !!code && code >= 200 && code < 300, code, excerpt: text.slice(0, EXCERPT) })
        }
        res.on('end', done)
        res.on('error', done)
      },
    )
    req.on('timeout', () => req.destroy(new Error(`no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`)))
    req.on('error', (error) =>
      resolve({ delivered: false, code: null, excerpt: error.message.slice(0, EXCERPT) }),
    )
    req.end(body)
  })
}
