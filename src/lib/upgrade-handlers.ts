import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'

/**
 * WebSocket endpoints on the pages' port. The server process (scripts/server.ts) receives every
 * HTTP upgrade and hands it to the handler registered for its path; the handlers are registered
 * from inside the Next app (instrumentation.ts), so that they use the app's own modules — its
 * database client, its sessions. The two load this file as separate module instances: the
 * handlers live on globalThis, under a key both share.
 */
export type UpgradeEndpoint = {
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
  /** Ends its connections and saves what they hold, when the server stops. */
  close(): Promise<void>
}

const key = Symbol.for('hindsight.upgradeHandlers')
const endpoints = ((globalThis as { [key]?: Map<string, UpgradeEndpoint> })[key] ??= new Map())

/** Serves upgrades whose path is `prefix` or starts with `prefix/`. */
export function registerUpgrade(prefix: string, endpoint: UpgradeEndpoint) {
  endpoints.set(prefix.replace(/\/+$/, ''), endpoint)
}

/** Closes every endpoint (the server is stopping). */
export async function closeUpgrades() {
  await Promise.allSettled([...endpoints.values()].map((endpoint) => endpoint.close()))
}

/** Hands an upgrade to its endpoint; false when no endpoint serves that path. */
export function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname
  for (const [prefix, endpoint] of endpoints)
    if (path === prefix || path.startsWith(`${prefix}/`)) {
      endpoint.upgrade(req, socket, head)
      return true
    }
  return false
}
