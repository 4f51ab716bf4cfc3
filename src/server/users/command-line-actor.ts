import 'server-only'
import type { Actor } from '../roles'
import { db } from '../db'
import { err, ok, type Result } from '../result'

/**
 * Whom a command-line tool (`npm run import`, `search`, `demo`) acts for: the person with
 * `email`, or else the first admin. Whoever runs a CLI holds the database itself, so the tool
 * acts with that person's role; a deactivated account is not used.
 */
export async function findCommandLineActor({ email }: { email?: string } = {}): Promise<Result<Actor>> {
  const user = await db.user.findFirst({
    where: { deactivatedAt: null, ...(email ? { email: email.toLowerCase() } : { role: 'ADMIN' }) },
    orderBy: { createdAt: 'asc' },
    select: { id: true, name: true, email: true, role: true },
  })
  if (user) return ok(user)
  return err('NOT_FOUND', {
    message: email
      ? `No active user with email ${email}.`
      : 'No account yet: create the first admin with npm run user:create -- --admin <email> (or npm start and the browser).',
  })
}
