import 'server-only'
import { getSessionCookie } from 'better-auth/cookies'
import { headers } from 'next/headers'
import { forbidden, redirect } from 'next/navigation'
import { cache } from 'react'
import { db } from '../db'
import { dataVersionCache } from '../data-version-cache'
import { err, ok, type Result } from '../result'
import { actorForToken } from './api-tokens'
import { auth } from './auth'
import { hasRole, roles, type Actor, type Role } from '../roles'

/**
 * The signed-in user of this request, or the read-only actor of its API token, or null.
 * One lookup per request.
 */
export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  const session = await getSession()
  if (!session) return actorForToken((await headers()).get('authorization'))
  return sessionActor(session)
})

type Session = NonNullable<Awaited<ReturnType<typeof auth.api.getSession>>>

function sessionActor(session: Session): Actor | null {
  // Deactivating deletes the sessions too; this also refuses one created in that instant.
  if (session.user.deactivatedAt) return null
  const { id, name, email, role } = session.user
  return { id, name, email, role: (roles as readonly string[]).includes(role) ? (role as Role) : 'VIEWER' }
}

/**
 * The person whose browser session these request headers carry, or null: for what runs outside
 * a Next request (the co-editing socket), with the same rule as getCurrentUser. No API tokens:
 * they are read-only and for scripts.
 */
export async function sessionActorOf(requestHeaders: Headers): Promise<Actor | null> {
  const session = await auth.api.getSession({ headers: requestHeaders })
  return session ? sessionActor(session) : null
}

/*
 * better-auth's answer for a session cookie, kept against the data version (decision 035): a
 * request that carries the very cookie better-auth accepted gets the same answer until anything
 * it depends on changes. Signing in or out, a password change, a role change and deactivation
 * all write Session or User rows, which move the version; an expired session is asked about again.
 * Asking better-auth costs about 5 ms a request (its endpoint pipeline, the signature, two queries).
 */
const keptSessions = dataVersionCache<Session | null>('sessions', { maxEntries: 1000 })

const getSession = cache(async () => {
  const requestHeaders = await headers()
  const cookie = getSessionCookie(requestHeaders)
  if (!cookie) return auth.api.getSession({ headers: requestHeaders })
  const session = await keptSessions(cookie, () => auth.api.getSession({ headers: requestHeaders }))
  if (session && session.session.expiresAt.getTime() <= Date.now())
    return auth.api.getSession({ headers: requestHeaders })
  return session
})

/**
 * The id of this request's browser session, or null (an API token, no session): changes to
 * one's own account need a session, and a password change keeps this one.
 */
export async function getCurrentSessionId(): Promise<string | null> {
  const session = await getSession()
  return session && !session.user.deactivatedAt ? session.session.id : null
}

/** True until the first account exists: every visit then goes to /setup. */
export async function needsSetup(): Promise<boolean> {
  return (await db.user.count()) === 0
}

/** The one access rule: a session, with at least `role`. Route handlers map the error to 401/403. */
export async function authorize(role: Role = 'VIEWER'): Promise<Result<Actor>> {
  const user = await getCurrentUser()
  if (!user) return err('UNAUTHENTICATED')
  if (!hasRole(user, role)) return err('FORBIDDEN')
  return ok(user)
}

/**
 * For pages and server actions: anonymous visitors are sent to sign-in (or to setup on an
 * empty database); a lower role gets the 403 page.
 */
export async function requireUser(role: Role = 'VIEWER'): Promise<Actor> {
  const result = await authorize(role)
  if (result.ok) return result.data
  if (result.error.code === 'FORBIDDEN') forbidden()
  redirect((await needsSetup()) ? '/setup' : '/sign-in')
}
