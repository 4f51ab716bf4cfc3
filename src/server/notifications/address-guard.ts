import 'server-only'
import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { BlockList, isIP, type LookupFunction } from 'node:net'

/*
 * SSRF: a webhook URL is typed by an admin, but the request leaves from inside the network.
 * By default it may not reach loopback, private, link-local (cloud metadata at 169.254.169.254),
 * carrier-grade NAT, multicast or reserved addresses. The check runs on the address the
 * connection actually uses (a lookup hook), so a name that resolves to a public address when
 * saved and to 127.0.0.1 when sent (DNS rebinding) is refused too.
 */

const blocked = new BlockList()
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, prefix, 'ipv4')
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(net, prefix, 'ipv6')

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address)
  if (family === 4) return blocked.check(address, 'ipv4')
  if (family === 6) {
    // ::ffff:127.0.0.1 is 127.0.0.1.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
    return mapped ? blocked.check(mapped[1]!, 'ipv4') : blocked.check(address, 'ipv6')
  }
  return true
}

export class BlockedAddressError extends Error {
  constructor(address: string) {
    super(`refused: ${address} is a private or loopback address (set WEBHOOK_ALLOW_PRIVATE=1 to allow)`)
    this.name = 'BlockedAddressError'
  }
}

/** A dns.lookup for http.request that refuses private addresses. */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0)
    const refused = addresses.find((a) => isPrivateAddress(a.address))
    if (refused) return callback(new BlockedAddressError(refused.address), '', 0)
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses)
    const first = addresses[0]!
    callback(null, first.address, first.family)
  })
}
