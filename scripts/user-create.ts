// npm run user:create -- [--admin | --role editor|viewer|admin] [--name "<name>"] <email>
// Creates an account without the browser, e.g. the first admin of a headless install. The
// password comes from a hidden prompt, or from the first line of stdin when piped:
//   echo 'a long password' | npm run user:create -- --admin ops@example.com
// With --admin where members exist but no active admin is left (every admin deactivated, or
// only SSO members signed up), it creates that admin: whoever runs it holds the database.
// Exit 0: created; 1: refused (bad email, short password, email taken, no admin yet) or
// failed; 2: usage; 5: the embedded database is open in a running Hindsight.
import { parseArgs } from 'node:util'
import type { z } from 'zod'
import en from '../src/i18n/messages/en.json'
import { roles, type Role } from '../src/server/roles'
import { DatabaseInUse } from '../src/server/db/embedded-in-use'
import type { DomainError } from '../src/server/result'
import { createUserInput } from '../src/server/users/schemas'
import { prepareDatabase } from './lib/prepare-database'
import { readPassword } from './lib/read-password'

const usage =
  'Usage: npm run user:create -- [--admin | --role editor|viewer|admin] [--name "<name>"] <email>\n' +
  "       (password at the prompt, or piped: echo '<password>' | npm run user:create -- …)"

class Refused extends Error {}

/** Field errors in the words the browser's forms use (i18n keys under `Validation`). */
function describe(fields: Record<string, string>): string {
  const messages: Record<string, string> = en.Validation
  return Object.entries(fields)
    .map(([field, key]) =>
      field === 'role'
        ? `role: one of ${roles.join(', ').toLowerCase()}.`
        : `${field}: ${messages[key] ?? key}`,
    )
    .join('\n')
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  const fields: Record<string, string> = {}
  for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? 'input')] ??= issue.message
  throw new Refused(describe(fields))
}

function refusal(error: DomainError): string {
  if (error.fields) return describe(error.fields)
  if (error.message === 'NO_ADMIN')
    return 'There is no admin yet: the first account must be one. Add --admin.'
  if (error.message === 'ADMIN_EXISTS') return 'An admin was created meanwhile: run the command again.'
  return `${error.code}${error.message ? `: ${error.message}` : ''}`
}

const options = {
  admin: { type: 'boolean' },
  role: { type: 'string' },
  name: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

async function main(): Promise<number> {
  let args
  try {
    args = parseArgs({ allowPositionals: true, options })
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n${usage}`)
    return 2
  }
  const { values, positionals } = args
  if (values.help || positionals.length !== 1 || (values.admin && values.role)) {
    console.error(usage)
    return values.help ? 0 : 2
  }
  const role = (values.admin ? 'ADMIN' : (values.role ?? 'EDITOR').toUpperCase()) as Role
  const email = positionals[0]!
  // The email, name and role are checked, and the database migrated, before the password is asked for.
  const details = parse(createUserInput.omit({ password: true }), {
    email,
    role,
    name: values.name ?? email.split('@')[0],
  })
  // A setup command: it migrates a server Postgres too, as `npm start` would.
  await prepareDatabase({ server: true })
  const password = await readPassword()
  if (!password) throw new Refused(`password: none given.\n${usage}`)
  const input = parse(createUserInput, { ...details, password })

  const [{ provisionUser }, { db }] = await Promise.all([
    import('../src/server/users/provision-user'),
    import('../src/server/db'),
  ])
  try {
    const result = await provisionUser({ input })
    if (!result.ok) throw new Refused(refusal(result.error))
    const { name, email: created, role: made, firstAdmin, recovered } = result.data
    console.log(
      firstAdmin
        ? `Created the first admin, ${name} <${created}>. Start Hindsight (npm start) and sign in.`
        : recovered
          ? `No active admin was left: created ${name} <${created}> as an admin (written to the audit log).`
          : `Created ${name} <${created}> (${made.toLowerCase()}).`,
    )
    return 0
  } finally {
    await db.$disconnect()
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(error instanceof DatabaseInUse ? 5 : 1)
  })
