import diagnostics from 'node:diagnostics_channel'
import type { IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'

/*
 * No `server-only` here: instrumentation.ts loads this outside React's server bundle.
 *
 * App-router code never sees the socket. Next.js fills in X-Forwarded-For from the socket
 * only when a request has none (`??=` in next/dist/server/base-server.js), so a client that
 * sends its own header chose its own address. Appending the socket's peer to every request
 * this process receives, as a proxy does, before Next reads it, makes the right-most entry
 * the one nobody can forge; clientAddress() walks left from it through trusted proxies only.
 */
const channel = 'http.server.request.start'
let subscribed = false

type RequestStart = { request: IncomingMessage; socket: Socket }

export function appendPeerAddress({ request, socket }: RequestStart): void {
  const peer = socket.remoteAddress
  if (!peer) return
  const forwarded = request.headers['x-forwarded-for']
  request.headers['x-forwarded-for'] = forwarded ? `${forwarded}, ${peer}` : peer
}

/** Called once per server process (instrumentation.ts); Node publishes before 'request'. */
export function recordPeerAddresses(): void {
  if (subscribed) return
  subscribed = true
  diagnostics.subscribe(channel, (message) => appendPeerAddress(message as RequestStart))
}
