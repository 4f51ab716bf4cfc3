import 'server-only'
import { processDueDeliveries } from './process-deliveries'
import { pruneNotifications } from './prune-notifications'
import { sweepOverdue } from './sweep-overdue'
import { queueWeeklyDigest } from './weekly-digest'

/*
 * The in-process delivery loop (instrumentation.ts starts it once per server process): every
 * few seconds, and at once when a use case has just committed an event (kickDeliveries), it
 * sends the due deliveries. Every ten minutes (NOTIFY_SWEEP_MS) it sweeps overdue action items;
 * every hour it asks for the week's digest (queued once per week across instances); once a day
 * it forgets deliveries older than 90 days (prune-notifications.ts). Several instances on one
 * Postgres share the work through SKIP LOCKED; on the embedded database there is one process.
 */

type Worker = { kick(): void; stop(): void }
const key = Symbol.for('hindsight.notificationWorker')
const holder = globalThis as { [key]?: Worker }

const DIGEST_CHECK_MS = 60 * 60_000
const PRUNE_MS = 24 * 60 * 60_000

export function startNotificationWorker({
  pollMs = Number(process.env.NOTIFY_POLL_MS) || 5_000,
  sweepMs = Number(process.env.NOTIFY_SWEEP_MS) || 10 * 60_000,
}: { pollMs?: number; sweepMs?: number } = {}): Worker {
  if (holder[key]) return holder[key]
  let running = false
  let again = false
  let lastSweep = 0
  let lastDigestCheck = 0
  let lastPrune = 0
  async function tick() {
    if (running) {
      again = true
      return
    }
    running = true
    try {
      do {
        again = false
        if (Date.now() - lastSweep > sweepMs) {
          lastSweep = Date.now()
          await sweepOverdue()
        }
        if (Date.now() - lastDigestCheck > DIGEST_CHECK_MS) {
          lastDigestCheck = Date.now()
          await queueWeeklyDigest()
        }
        await processDueDeliveries()
        if (Date.now() - lastPrune > PRUNE_MS) {
          lastPrune = Date.now()
          await pruneNotifications()
        }
      } while (again)
    } catch (error) {
      // The database may be away (an outage): the next tick tries again.
      console.error('notifications:', error instanceof Error ? error.message : error)
    } finally {
      running = false
    }
  }
  const timer = setInterval(() => void tick(), pollMs)
  timer.unref()
  const worker: Worker = {
    kick: () => void tick(),
    stop: () => {
      clearInterval(timer)
      delete holder[key]
    },
  }
  holder[key] = worker
  return worker
}

/** After a commit that emitted events: send them now rather than at the next poll. */
export function kickDeliveries() {
  holder[key]?.kick()
}
