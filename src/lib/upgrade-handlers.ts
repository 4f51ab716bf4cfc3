import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'

/**
 * WebSocket endpoints on the pages' port. The server process (scripts/server.ts) receives every
 * HTTP upgrade and hands it to the handler registered for its path; the handlers are registered
 * from inside the Next app (instrumentation.ts), so that they use the app's own modules — its
 * database client, its sessions. The two load this file as separate module instances: the
 * handlers live on globalThis, under a key both share.
 */
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void

const key = Symbol.for('hindsight.upgradeHandlers')
const handlers = ((globalThis as { [key]?: Map<string, UpgradeHandler> })[key] ??= new Map())

/** Serves upgrades whose path is `prefix` or starts with `prefix/`. */
export function registerUpgrade(prefix: string, handler: UpgradeHandler) {
  handlers.set(prefix.replace(/\/+$/, ''), handler)
}

/** Hands an upgrade to its endpoint; false when no endpoint serves that path. */
export function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname
  for (const [prefix, handler] of handlers)
    if (path === prefix || path.startsWith(`${prefix}/`)) {
      handler(req, socket, head)
      return true
    }
  return false
}
