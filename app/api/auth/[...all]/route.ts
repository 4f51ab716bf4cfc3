import { toNextJsHandler } from 'better-auth/next-js'
import { auth } from '@/server/auth/auth'

// better-auth's own endpoints (session, sign-out; sign-up is disabled), rate-limited by it.
export const { GET, POST } = toNextJsHandler(auth)
