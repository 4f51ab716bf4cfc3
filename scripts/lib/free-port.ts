// Free TCP ports for one test run, so that two runs on one machine (two checkouts, CI beside a
// developer) never meet on a fixed port. `npx tsx scripts/free-port.ts` prints one.
import net from 'node:net'

/** Below Linux's ephemeral range (32768+): no outgoing connection is handed one of these. */
const FIRST = 20_000
const LAST = 32_000
const given = new Set<number>()

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once('error', () => resolve(false))
    // No host: the dual-stack wildcard, taken if anything holds the port on IPv4 or IPv6.
    server.listen({ port, exclusive: true }, () => server.close(() => resolve(true)))
  })
}

/**
 * A port p where p + every offset is free and was not handed out before in this process
 * (a server that is given its port later cannot have taken it yet). `offsets` [0, 1]: two
 * consecutive ports.
 */
export async function freePort(offsets: number[] = [0]): Promise<number> {
  const span = Math.max(...offsets)
  for (let attempt = 0; attempt < 500; attempt++) {
    const port = FIRST + Math.floor(Math.random() * (LAST - span - FIRST))
    const ports = offsets.map((offset) => port + offset)
    if (ports.some((p) => given.has(p))) continue
    if ((await Promise.all(ports.map(isFree))).every(Boolean)) {
      for (const p of ports) given.add(p)
      return port
    }
  }
  throw new Error(`no free ports between ${FIRST} and ${LAST}`)
}
