import 'server-only'
import proxyaddr from 'proxy-addr'
import { trustedProxies } from '../env'

let compiled: { source: string; trust: (address: string, hop: number) => boolean } | undefined

/** TRUSTED_PROXIES compiled once (again only if it changes, as in tests). */
function trust() {
  const list = trustedProxies()
  const source = list.join(',')
  if (compiled?.source !== source) {
    try {
      compiled = { source, trust: proxyaddr.compile(list) }
    } catch (error) {
      throw new Error(
        `TRUSTED_PROXIES must list IP addresses or CIDR ranges separated by commas, e.g. "10.0.0.0/8,127.0.0.1" (${error instanceof Error ? error.message : String(error)}).`,
      )
    }
  }
  return compiled.trust
}

const normalize = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').slice(0, 100)

/**
 * The address a request came from, for per-address limits. The right-most X-Forwarded-For
 * entry is the socket's peer (peer-address.ts appends it to every request); an entry to its
 * left is believed only while everything to its right is a trusted proxy, so the answer is
 * the right-most entry that is not a trusted proxy. Without TRUSTED_PROXIES, the peer.
 * 'local' when there is no header at all (server code called outside a request, tests).
 */
export function clientAddress(headers: Headers | undefined): string {
  const hops = (headers?.get('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean)
  if (!hops.length) return 'local'
  const trusted = trust()
  for (let i = hops.length - 1; i > 0; i--) {
    const hop = hops[i]!
    if (!trusted(hop, hops.length - 1 - i)) return normalize(hop)
  }
  return normalize(hops[0]!)
}
