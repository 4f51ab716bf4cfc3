import 'server-only'
import { randomUUID } from 'node:crypto'
import type { Role } from '@/generated/prisma/enums'
import { auth } from '../auth/auth'
import type { Tx } from '../db'
import type { CreateAccountInput } from './schemas'

/** better-auth's own hasher, so that its sign-in accepts the password. Slow on purpose (scrypt). */
export async function hashPassword(plain: string) {
  const { password } = await auth.$context
  return password.hash(plain)
}

/**
 * Writes a user and their email/password credential the way better-auth stores them
 * (account row with providerId "credential"), with the password hashed before the transaction
 * (`hashPassword`), so that the slow hash never holds a connection — on the embedded database the
 * only one, which every other transaction waits for.
 */
export async function insertAccount(tx: Tx, input: CreateAccountInput & { role: Role }, hash: string) {
  const id = randomUUID()
  return tx.user.create({
    data: {
      id,
      name: input.name,
      email: input.email,
      role: input.role,
      accounts: { create: { id: randomUUID(), accountId: id, providerId: 'credential', password: hash } },
    },
    select: { id: true, name: true, email: true, role: true },
  })
}
