// Seeds the HTTP benchmark (scripts/bench-http.ts), in its own process so that an embedded
// database is closed again before the server opens it: an admin, five editors, a generated
// two-year history of N postmortems owned by them (scripts/lib/generate-history.ts: services,
// action items, lessons, checklist items and reviewed launches, so that /insights has every
// figure to compute), and a launch under review with a realistic checklist: 20 checks, each
// with an owner, some already decided, one with 70 sub-checks; a few postmortems belong to the
// launch. Prints { email, password, slug, number } as JSON.
import { parseArgs } from 'node:util'
import { generateHistory } from './generate-history'

const { values } = parseArgs({ options: { n: { type: 'string', default: '10000' } } })
const say = (text: string) => process.stderr.write(text)

async function main() {
  const { createFirstAdmin } = await import('../../src/server/users/create-first-admin')
  const { createUser } = await import('../../src/server/users/create-user')
  const { createLaunch } = await import('../../src/server/launches/create-launch')
  const { changeLaunchStatus } = await import('../../src/server/checklists/change-launch-status')
  const launchChecks = {
    ...(await import('../../src/server/checklists/add-adhoc-check')),
    ...(await import('../../src/server/checklists/assign-owner')),
    ...(await import('../../src/server/checklists/add-sub-checks')),
    ...(await import('../../src/server/checklists/set-check-status')),
  }
  const { db } = await import('../../src/server/db')
  const { upkeep } = await import('../../src/server/db/upkeep')
  const must = <T>(what: string, result: { ok: true; data: T } | { ok: false; error: { code: string } }) => {
    if (!result.ok) throw new Error(`${what}: ${result.error.code}`)
    return result.data
  }

  const n = Number(values.n)
  const password = 'bench http password'
  const email = 'bench-admin@example.com'
  const first = must('setup', await createFirstAdmin({ input: { name: 'Bench Admin', email, password } }))
  const admin = { id: first.id, name: 'Bench Admin', email, role: 'ADMIN' as const }
  const owners = [admin.id]
  for (let i = 1; i <= 5; i++) {
    const user = must(
      'user',
      await createUser({
        actor: admin,
        input: { name: `负责人 ${i}`, email: `owner${i}@example.com`, password, role: 'EDITOR' },
      }),
    )
    owners.push(user.id)
  }

  await generateHistory({
    n,
    ownerIds: owners,
    onBatch: (done) => say(`\rseeded ${done}/${n} postmortems`),
  })
  say('\n')

  const { slug } = must(
    'launch',
    await createLaunch({
      actor: admin,
      input: {
        name: 'Mobile Alliance 1.2',
        description: '移动联盟1.2 上线评审',
        plannedAt: null,
        launchedAt: null,
      },
    }),
  )
  const checkIds: string[] = []
  for (let i = 1; i <= 20; i++) {
    const { id } = must(
      'check',
      await launchChecks.addAdhocCheck({
        actor: admin,
        slug,
        input: {
          text:
            i === 1
              ? '所有新表都已建索引 (every new table has its indexes)'
              : `检查项 ${i}: 上线前确认配置与监控 #${i}`,
          rationale: `Learned from PM-${i}: 缓存未更新导致数据不一致。`,
          category: ['数据库', '缓存', '监控', '发布'][i % 4]!,
          required: i % 5 !== 0,
        },
      }),
    )
    must(
      'owner',
      await launchChecks.assignOwner({ actor: admin, checkId: id, ownerId: owners[i % owners.length]! }),
    )
    checkIds.push(id)
  }
  const tables = Array.from({ length: 70 }, (_, i) => `table_${String(i + 1).padStart(2, '0')}_user_growth`)
  must('sub-checks', await launchChecks.addSubChecks({ actor: admin, checkId: checkIds[0]!, lines: tables }))
  must('review', await changeLaunchStatus({ actor: admin, slug, input: { to: 'IN_REVIEW', reason: '' } }))
  for (const [i, id] of checkIds.entries()) {
    if (i === 0 || i % 3 === 0) continue
    const input =
      i % 7 === 0
        ? { status: 'WAIVED' as const, evidence: '', waiverReason: '下个版本处理' }
        : { status: 'PASS' as const, evidence: '监控截图与压测报告已附', waiverReason: '' }
    must('verdict', await launchChecks.setCheckStatus({ actor: admin, checkId: id, input }))
  }
  const { id: launchId } = await db.launch.findUniqueOrThrow({ where: { slug }, select: { id: true } })
  await db.postmortem.updateMany({ where: { number: { lte: Math.min(5, n) } }, data: { launchId } })
  // What autovacuum (a server Postgres) or the upkeep worker (embedded) does after a load like this
  // one, before a team reads the pages: this machine's Postgres runs with autovacuum off.
  await upkeep()
  // The template most launches used: the one whose page shows the most skips and incidents.
  const [template] = await db.$queryRaw<{ id: string }[]>`
    SELECT i."templateId" AS id FROM "LaunchCheck" c JOIN "ChecklistItem" i ON i.id = c."checklistItemId"
    GROUP BY i."templateId" ORDER BY count(*) DESC LIMIT 1`
  await db.$disconnect()
  console.log(
    JSON.stringify({ email, password, slug, number: Math.max(1, Math.ceil(n / 2)), template: template?.id }),
  )
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
