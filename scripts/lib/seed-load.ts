// Seeds the concurrent-editing load test (scripts/load-editing.ts), in its own process so
// that an embedded database is closed again before the server opens it: an admin, N editors
// and M postmortems, the first ones published (so that every save also keeps a revision).
// Prints { authors, postmortems } as JSON.
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    authors: { type: 'string', default: '20' },
    postmortems: { type: 'string', default: '5' },
    published: { type: 'string', default: '3' },
  },
})

async function main() {
  const { createFirstAdmin } = await import('../../src/server/users/create-first-admin')
  const { createUser } = await import('../../src/server/users/create-user')
  const { createPostmortem } = await import('../../src/server/postmortems/create-postmortem')
  const { savePostmortem } = await import('../../src/server/postmortems/save-postmortem')
  const { changePostmortemStatus } = await import('../../src/server/postmortems/change-status')
  const { emptyDocument } = await import('../../src/server/postmortems/schemas')
  const { db } = await import('../../src/server/db')

  const password = 'load test password'
  const first = await createFirstAdmin({
    input: { name: 'Load Admin', email: 'load-admin@example.com', password },
  })
  if (!first.ok) throw new Error(`setup: ${first.error.code}`)
  const admin = {
    id: first.data.id,
    name: 'Load Admin',
    email: 'load-admin@example.com',
    role: 'ADMIN' as const,
  }

  const authors = []
  for (let i = 1; i <= Number(values.authors); i++) {
    const email = `author${i}@example.com`
    const created = await createUser({
      actor: admin,
      input: { name: `Author ${i}`, email, password, role: 'EDITOR' },
    })
    if (!created.ok) throw new Error(`user ${email}: ${created.error.code}`)
    authors.push({ email, password })
  }

  const postmortems = []
  for (let i = 1; i <= Number(values.postmortems); i++) {
    const title = `并发编辑 ${i} — concurrent editing`
    const created = await createPostmortem({ actor: admin, input: { title, launchId: null } })
    if (!created.ok) throw new Error(`postmortem: ${created.error.code}`)
    const number = created.data.number
    const published = i <= Number(values.published)
    if (published) {
      const document = { ...emptyDocument(title, null), symptom: '写入变慢', rootCause: 'uid 没有索引' }
      const saved = await savePostmortem({ actor: admin, number, input: { baseVersion: 1, document } })
      if (!saved.ok) throw new Error(`save: ${saved.error.code}`)
      for (const to of ['IN_REVIEW', 'PUBLISHED'] as const) {
        const moved = await changePostmortemStatus({ actor: admin, number, to })
        if (!moved.ok) throw new Error(`status ${to}: ${moved.error.code}`)
      }
    }
    postmortems.push({ number, published })
  }
  await db.$disconnect()
  console.log(JSON.stringify({ authors, postmortems }))
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
