// Runs once when a Hindsight server process starts (Next.js instrumentation hook).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // Every request's X-Forwarded-For ends with the socket's peer: see peer-address.ts.
    const { recordPeerAddresses } = await import('@/server/auth/peer-address')
    recordPeerAddresses()
    // Live editing, /collab/<number>, on the pages' port (scripts/server.ts routes upgrades here).
    const { registerUpgrade } = await import('@/lib/upgrade-handlers')
    const { collabEndpoint } = await import('@/lib/collab-socket')
    registerUpgrade('/collab', collabEndpoint())
    // Webhooks and e-mail: sends what the use cases wrote to the outbox (docs/decisions/022).
    const { startNotificationWorker } = await import('@/server/notifications/worker')
    startNotificationWorker()
    // Repeat incidents left to compare (a publication the last process did not finish comparing).
    const { startRepeatsWorker } = await import('@/server/postmortems/repeats')
    startRepeatsWorker()
    // The embedded database's VACUUM and ANALYZE: PGlite has no autovacuum (docs/decisions/044).
    const { startUpkeepWorker } = await import('@/server/db/upkeep')
    startUpkeepWorker()
    // jieba's dictionaries, which the first launch review or search after a start waited for
    // (about half a second): built once the server is up, not in a request.
    const { loadDictionaries } = await import('@/server/search/query-concepts')
    setTimeout(loadDictionaries, 1000).unref()
  }
}
