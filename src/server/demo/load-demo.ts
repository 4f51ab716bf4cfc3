import 'server-only'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { hasRole, type Actor } from '../roles'
import { addChecksFromTemplate } from '../checklists/launch-checks'
import { itemInput } from '../checklists/schemas'
import { addItem } from '../checklists/template-items'
import { createTemplate } from '../checklists/templates'
import { db } from '../db'
import { importRetro } from '../imports/import-retro'
import { previewRetro } from '../imports/preview-retro'
import { insertLaunch } from '../launches/create-launch'
import { err, ok, type Result } from '../result'

/*
 * The demo a newcomer loads from the empty dashboard or with `npm run demo`: the seed retro
 * (移动联盟 1.1) through the importer, a "Pre-launch review" template whose items come from
 * its lessons, and a planned launch 移动联盟1.2 reviewed with it. Running it again adds
 * nothing: each part is looked up by name first.
 */

const SEED = path.join(process.cwd(), 'src/server/imports/fixtures/launch-retro-mobile-alliance-1.1.zh.md')
export const DEMO_TEMPLATE = 'Pre-launch review · 上线前检查'
export const DEMO_LAUNCH = '移动联盟1.2'

/** Each item, and the seed incident (by title) whose lesson taught it. */
const ITEMS = [
  {
    incident: '老用户福利初始化脚本执行过慢',
    text: '在生产规模的数据上执行初始化脚本，确认查询用到的字段都有索引',
    category: '数据库',
  },
  {
    incident: '生产环境发布后出现成长值明细4G网络大概率获取不到数据的情况',
    text: '确认线上集群的主机与测试环境一致；接口出错时不得吞掉异常返回空的 200',
    category: '环境',
  },
  {
    incident: '线上修改及创建表结构遗漏',
    text: '每一项表结构变更都有一位指定负责人，并由他在生产环境逐表核对',
    category: '数据库',
  },
  {
    incident: '线上部分用户出现签到完成但签到列表未更新的情况',
    text: '写入后重建缓存时必须读主库，不能读从库',
    category: '缓存',
  },
]

async function seedPostmortems(actor: Actor) {
  const find = () =>
    db.postmortem.findMany({
      where: { title: { in: ITEMS.map((i) => i.incident) } },
      orderBy: { number: 'asc' },
      select: {
        number: true,
        title: true,
        lessons: { select: { id: true, text: true }, orderBy: { position: 'asc' } },
      },
    })
  const existing = await find()
  if (existing.length) return existing
  const parsed = previewRetro(await readFile(SEED, 'utf8'))
  if (!parsed.ok) throw new Error('The demo retro no longer parses.')
  const imported = await importRetro({ actor, retro: parsed.data })
  if (!imported.ok) throw new Error(`The demo retro could not be imported: ${imported.error.code}`)
  return find()
}

async function seedTemplate(actor: Actor, incidents: Awaited<ReturnType<typeof seedPostmortems>>) {
  const existing = await db.checklistTemplate.findFirst({
    where: { name: DEMO_TEMPLATE },
    select: { id: true },
  })
  if (existing) return existing.id
  const created = await createTemplate({
    actor,
    input: {
      name: DEMO_TEMPLATE,
      description: 'Checks learned from the 移动联盟 1.1 launch retro. 每一项都来自一次真实事故。',
    },
  })
  if (!created.ok) throw new Error(created.error.code)
  for (const item of ITEMS) {
    const incident = incidents.find((p) => p.title === item.incident)
    const lesson = incident?.lessons[0]
    await addItem({
      actor,
      templateId: created.data.id,
      input: itemInput.parse({
        text: item.text,
        category: item.category,
        rationale: lesson?.text.slice(0, 4000) ?? '',
        required: true,
      }),
      lessonIds: lesson ? [lesson.id] : [],
    })
  }
  return created.data.id
}

export async function loadDemo({ actor }: { actor: Actor }): Promise<Result<{ launch: string }>> {
  if (!hasRole(actor, 'EDITOR')) return err('FORBIDDEN')
  const incidents = await seedPostmortems(actor)
  const templateId = await seedTemplate(actor, incidents)
  let launch = await db.launch.findFirst({ where: { name: DEMO_LAUNCH }, select: { id: true, slug: true } })
  if (!launch) {
    const plannedAt = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10)
    launch = await db.$transaction((tx) =>
      insertLaunch(tx, {
        name: DEMO_LAUNCH,
        description: '下一次上线：用 1.1 复盘得到的检查清单来评审。',
        plannedAt,
        launchedAt: null,
      }),
    )
    await addChecksFromTemplate({ actor, slug: launch.slug, templateId })
  }
  return ok({ launch: launch.slug })
}
