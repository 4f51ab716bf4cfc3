// Runs once when a Hindsight server process starts (Next.js instrumentation hook).
export async function register() {
  // Every request's X-Forwarded-For ends with the socket's peer: see peer-address.ts.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { recordPeerAddresses } = await import('@/server/auth/peer-address')
    recordPeerAddresses()
  }
}
