import { expect } from 'vitest'
import { auth } from '@/server/auth/auth'
import type { Actor } from '@/server/roles'
import { person, TEST_PASSWORD } from './people'

/** A new account with `role`, signed in through better-auth: its actor and its session cookie. */
export async function signedInPerson(name: string, role: Actor['role']) {
  const actor = await person(name, role)
  const signedIn = await auth.api.signInEmail({
    body: { email: actor.email, password: TEST_PASSWORD },
    returnHeaders: true,
  })
  const cookie = signedIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  return { actor, cookie }
}

/** Waits until `check` holds (what travels through a server arrives asynchronously), up to 5 s. */
export async function eventually(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25))
  expect(check()).toBe(true)
}
