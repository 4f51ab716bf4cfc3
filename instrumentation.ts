// Runs once when a Hindsight server process starts (Next.js instrumentation hook).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  // Every request's X-Forwarded-For ends with the socket's peer: see peer-address.ts.
  const { recordPeerAddresses } = await import('@/server/auth/peer-address')
  recordPeerAddresses()
}
