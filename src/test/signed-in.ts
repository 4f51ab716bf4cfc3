import { expect } from 'vitest'
import { auth } from '@/server/auth/auth'
import { db } from '@/server/db'
import type { Actor } from '@/server/roles'
import { insertAccount } from '@/server/users/create-account'

/** A new account with `role`, signed in through better-auth: its actor and its session cookie. */
export async function signedInPerson(name: string, role: Actor['role']) {
  const email = `${name.toLowerCase()}@example.com`
  const actor = await db.$transaction((tx) =>
    insertAccount(tx, { name, email, password: 'password-1', role }),
  )
  const signedIn = await auth.api.signInEmail({
    body: { email, password: 'password-1' },
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
