import 'server-only'
import { randomUUID } from 'node:crypto'
import type { Role } from '@/generated/prisma/enums'
import { auth } from '../auth/auth'
import type { Tx } from '../db'
import type { CreateAccountInput } from './schemas'

/**
 * Writes a user and their email/password credential the way better-auth stores them
 * (account row with providerId "credential"), hashing with better-auth's own hasher so
 * that its sign-in accepts the password.
 */
export async function insertAccount(tx: Tx, input: CreateAccountInput & { role: Role }) {
  const { password } = await auth.$context
  const hash = await password.hash(input.password)
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
