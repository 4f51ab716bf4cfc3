// One Hindsight server process: Next's request handler and the WebSocket endpoints (co-editing,
// issue 18) on one port, so that `npm start` still serves everything from one address. Started
// by scripts/start.ts (once, or once per worker with WEB_CONCURRENCY); not meant to be run alone.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import v8 from 'node:v8'
import vm from 'node:vm'
import next from 'next'
import { closeUpgrades, handleUpgrade } from '../src/lib/upgrade-handlers'

const port = Number(process.env.PORT)
if (!Number.isInteger(port) || port < 0) {
  console.error(`scripts/server.ts needs PORT (got "${process.env.PORT}"); run npm start.`)
  process.exit(2)
}

/**
 * bench:collab's memory figure (HINDSIGHT_BENCH_MEMORY=1 only, never in a normal start): GET
 * /__bench/memory answers this process's heap in use after a full collection, and its RSS.
 */
function benchMemory(): ((req: IncomingMessage, res: ServerResponse) => boolean) | null {
  if (process.env.HINDSIGHT_BENCH_MEMORY !== '1') return null
  v8.setFlagsFromString('--expose-gc')
  const gc = vm.runInNewContext('gc') as () => void
  return (req, res) => {
    if (req.url !== '/__bench/memory') return false
    gc()
    const { heapUsed, rss } = process.memoryUsage()
    res.setHeader('content-type', 'application/json')
    res.end(JSON.stringify({ heapUsed, rss }))
    return true
  }
}

async function main() {
  const app = next({ dev: false, dir: process.cwd(), port })
  const handle = app.getRequestHandler()
  // Loads the build and runs instrumentation.ts, which registers the WebSocket endpoints.
  await app.prepare()

  const memory = benchMemory()
  const server = createServer((req, res) => void (memory?.(req, res) || handle(req, res)))
  server.on('upgrade', (req, socket, head) => {
    if (!handleUpgrade(req, socket, head)) socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n')
  })
  // Node closes an idle kept-alive connection after 5 s: a client that sends on it at that moment
  // gets ECONNRESET. Clients and proxies keep theirs longer, so the server must outlast them.
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
  server.listen(port, () => console.log(`▸ Serving pages and live editing on port ${port}`))

  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    server.close()
    // Live editors' sockets are ended, what they typed saved (the tables derived), then the rest.
    void closeUpgrades()
      .then(() => server.closeAllConnections())
      .then(() => app.close())
      .finally(() => process.exit(0))
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, stop)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
