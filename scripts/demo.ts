// npm run demo — loads the seed retro, a "Pre-launch review" template learned from it and a
// planned launch 移动联盟1.2 that uses it. Idempotent; acts as the first admin.
import { db } from '../src/server/db'
import { loadDemo } from '../src/server/demo/load-demo'
import { findCommandLineActor } from '../src/server/users/command-line-actor'
import { prepareDatabase } from './lib/prepare-database'

async function main() {
  await prepareDatabase()
  const admin = await findCommandLineActor()
  if (!admin.ok) throw new Error(admin.error.message)
  const result = await loadDemo({ actor: admin.data })
  if (!result.ok) throw new Error(result.error.code)
  console.log(`Demo ready: http://localhost:3000/launches/${result.data.launch}`)
}

main()
  .then(() => db.$disconnect())
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    await db.$disconnect()
    process.exit(1)
  })
