import type { Role } from '@/generated/prisma/enums'
import { db } from '@/server/db'
import { hashPassword, insertAccount } from '@/server/users/create-account'

/** Every test person's password. */
export const TEST_PASSWORD = 'password-1'

let hashed: Promise<string> | undefined

/**
 * A person who can sign in with TEST_PASSWORD, written the way the app writes accounts. The slow
 * hash is made once per test file and outside the transaction, as the use cases do: on CI's
 * busy cores a hash inside it outlasted Prisma's 5 s bound on a transaction.
 */
export async function person(name: string, role: Role, email = `${name.toLowerCase()}@example.com`) {
  const hash = await (hashed ??= hashPassword(TEST_PASSWORD))
  return db.$transaction((tx) => insertAccount(tx, { name, email, password: TEST_PASSWORD, role }, hash))
}

/** The data of a use case's result, or the test fails with its error. */
export function unwrap<T>(result: { ok: true; data: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.data
}
