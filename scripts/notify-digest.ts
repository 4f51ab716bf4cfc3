// npm run notify:digest — e-mails every person the list of their overdue action items now
// (the server also sends it once a week by itself). Needs SMTP_URL.
import { db } from '../src/server/db'
import { processDueDeliveries } from '../src/server/notifications/process-deliveries'
import { emailEnabled } from '../src/server/notifications/settings'
import { queueWeeklyDigest } from '../src/server/notifications/weekly-digest'
import { prepareDatabase } from './lib/prepare-database'

async function main(): Promise<number> {
  if (!emailEnabled()) {
    console.error('SMTP_URL is not set: there is no way to send e-mail (see README, "Webhooks and e-mail").')
    return 2
  }
  await prepareDatabase()
  const people = (await queueWeeklyDigest({ again: true })) ?? 0
  await processDueDeliveries()
  const failed = await db.notificationDelivery.count({
    where: { event: { type: 'overdue-digest' }, status: { not: 'DELIVERED' }, attempts: { gt: 0 } },
  })
  console.log(`Overdue digest queued for ${people} ${people === 1 ? 'person' : 'people'}.`)
  if (failed) console.error(`${failed} digest e-mail(s) not delivered yet: the server retries them.`)
  return 0
}

main()
  .then(async (code) => {
    await db.$disconnect()
    process.exit(code)
  })
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    await db.$disconnect()
    process.exit(1)
  })
