import { type Locator, type Page } from '@playwright/test'
import {
  admin,
  ensureUser,
  expect,
  expectFieldText,
  fieldText,
  expectSaved,
  newPostmortem,
  signIn,
  signInAsAdmin,
  test,
  type Person,
} from './fixtures'

const colleague: Person = {
  name: 'Bo Colleague',
  email: 'bo.colleague@example.com',
  password: 'colleague-pass-1',
}

// Incident 1 of shared/seeds/launch-retro-mobile-alliance-1.1.zh.md, as its author would type it.
const incident = {
  title: '老用户福利初始化脚本执行过慢',
  symptom: '代码发布源站后，执行老用户初始化脚本，发现任务上报速度很慢，严重影响上线速度',
  hypotheses: [
    [
      '主从问题：MySQL查询走209从库，209机器太老性能不够',
      'Eliminated',
      '将脚本改为查152主库后152负载上来了，但mq上报速度依然为0.6/s，问题与主从无关',
    ],
    ['网络延迟', 'Eliminated', '公司为万兆网且为内网传输，基本不存在'],
    ['日志写入过多', 'Eliminated', '测试环境写的日志更多，但无此情况'],
    ['多进程同时查询相同数据表，查询等待时间过长', 'Eliminated', 'MySQL进程没有积压'],
    ['索引问题', 'Confirmed', '通过查各项目的日志表，发现uid没有建索引'],
  ],
  observation: '查看源站119CPU负载，很低，考虑非CPU问题',
  attempt: '将脚本改为查152主库，同时将进程数加至14',
  result: '152负载上来了，但是执行速度依然很慢，mq上报速度为0.6/s。从结果看，问题与主从无关',
  rootCause: '各项目日志表的uid没有建索引，初始化脚本按uid查询时全表扫描',
  resolution: '临时对uid添加索引。',
  verification: 'mq上报速度瞬间增至80/s，所有数据在五分钟内消费完成。',
  metric: ['mq上报速度', '0.6/s', '80/s'],
  question:
    '开发和测试环境比同样没有索引，且配置比源站要低的多，为什么就能在两个小时之内完成？而源站要十几个小时？',
  lesson:
    '在本地跟测试环境执行较慢但可以接受，就没有去深入优化；上线前应在生产规模的数据上执行初始化脚本并查看执行计划。',
} as const

function item(list: Locator, n: number) {
  return list.getByRole('listitem').nth(n)
}

async function addTimeline(page: Page, n: number, kind: string, text: string, tests?: string) {
  await page.getByRole('button', { name: 'Add timeline entry' }).click()
  const entry = item(page.getByRole('list', { name: 'Timeline' }), n)
  await entry.getByLabel('Kind').selectOption({ label: kind })
  if (tests) {
    await entry.getByLabel('Tests hypothesis').selectOption({ label: tests })
    // The menu is narrow: the suspicion it tests is also written out whole below it.
    await expect(entry.getByText(`Tests: ${tests}`, { exact: true })).toBeVisible()
  }
  await entry.getByLabel('What happened').fill(text)
}

test('[POSTMORTEM]: an editor types incident 1 of the seed retro, publishes it and reads every piece back', async ({
  page,
}) => {
  await signInAsAdmin(page)
  await newPostmortem(page, incident.title)

  // Submitted too early, it says which parts are missing.
  await page.getByRole('button', { name: 'Submit for review' }).click()
  const refusal = page.getByRole('alert').filter({ hasText: 'Not yet: complete these first.' })
  await expect(refusal).toContainText('Symptom: Needed before review and publication.')
  await expect(refusal).toContainText('Root cause: Needed before review and publication.')

  await page.getByLabel('Severity').selectOption({ label: 'SEV2 · major' })
  await page.getByLabel('Symptom').fill(incident.symptom)
  await page.getByLabel('Tags').fill('上线')
  await page.getByLabel('Tags').press('Enter')
  await page.getByLabel('Services').fill('mysql')
  await page.getByLabel('Services').press('Enter')

  const hypotheses = page.getByRole('list', { name: 'Hypotheses' })
  for (const [i, [statement, verdict, evidence]] of incident.hypotheses.entries()) {
    await page.getByRole('button', { name: 'Add hypothesis' }).click()
    const h = item(hypotheses, i)
    await h.getByLabel('Suspicion').fill(statement)
    await h.getByLabel('Verdict').selectOption({ label: verdict })
    await h.getByLabel('Evidence').fill(evidence)
  }
  await addTimeline(page, 0, 'Observation', incident.observation)
  await addTimeline(page, 1, 'Attempt', incident.attempt, `1. ${incident.hypotheses[0][0]}`)
  await addTimeline(page, 2, 'Result', incident.result, `1. ${incident.hypotheses[0][0]}`)

  await page.getByRole('textbox', { name: 'Root cause', exact: true }).fill(incident.rootCause)
  await page.getByLabel('Category').selectOption({ label: 'Schema / index' })
  await page.getByLabel('Resolution', { exact: true }).fill(incident.resolution)
  await page.getByLabel('Kind of fix').selectOption({ label: 'Temporary' })
  await page.getByLabel('Verification', { exact: true }).fill(incident.verification)
  await page.getByLabel('What was measured').fill(incident.metric[0])
  await page.getByLabel('Before', { exact: true }).fill(incident.metric[1])
  await page.getByLabel('After', { exact: true }).fill(incident.metric[2])
  await page.getByRole('button', { name: 'Add open question' }).click()
  await page.getByLabel('Question 1', { exact: true }).fill(incident.question)
  await page.getByRole('button', { name: 'Add lesson' }).click()
  await page.getByLabel('Lesson 1', { exact: true }).fill(incident.lesson)
  await expectSaved(page)

  // A reload restores everything that was typed.
  await page.reload()
  await expectFieldText(page.getByLabel('Symptom'), incident.symptom)
  await expect(item(hypotheses, 4).getByLabel('Verdict')).toHaveValue('CONFIRMED')
  await expect(page.getByLabel('Lesson 1', { exact: true })).toHaveValue(incident.lesson)

  await page.getByRole('button', { name: 'Submit for review' }).click()
  await expect(page.getByText('In review', { exact: true })).toBeVisible()

  // A reviewer finds it in My work, reads it, then publishes it from the read page.
  await page.goto('/my-work')
  const waiting = page.getByRole('region', { name: /Waiting for review/ })
  await waiting.getByRole('link', { name: new RegExp(incident.title) }).click()
  await expect(page).toHaveURL(/\/postmortems\/\d+$/)
  const review = page.getByRole('region', { name: 'Review' })
  await expect(review).toContainText('Waiting for review')
  await review.getByRole('button', { name: 'Publish' }).click()
  await expect(page.getByText('Published', { exact: true })).toBeVisible()
  await expect(review).toBeHidden()
  await page.reload()
  await expect(page.getByText('Published', { exact: true })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: incident.title })).toBeVisible()
  const article = page.getByRole('article')
  for (const text of [
    incident.symptom,
    incident.observation,
    incident.attempt,
    incident.result,
    incident.rootCause,
    incident.resolution,
    incident.verification,
    incident.question,
    incident.lesson,
  ])
    await expect(article.getByText(text, { exact: false }).first()).toBeVisible()
  const rows = article.getByRole('table').getByRole('row')
  await expect(rows).toHaveCount(6)
  for (const [i, [statement, verdict, evidence]] of incident.hypotheses.entries()) {
    const row = rows.nth(i + 1)
    await expect(row).toContainText(statement)
    await expect(row).toContainText(evidence)
    await expect(row).toContainText(verdict)
  }
  await expect(article.getByTestId('metric')).toHaveText('mq上报速度: 0.6/s → 80/s')
  await expect(article.getByText('Temporary', { exact: true })).toBeVisible()
  await expect(article.getByText('Category: Schema / index')).toBeVisible()
  await expect(article.getByText('tests hypothesis 1').first()).toBeVisible()

  // The Markdown export keeps every field.
  const number = page.url().split('/').pop()
  const markdown = await (await page.request.get(`/api/v1/postmortems/${number}/markdown`)).text()
  for (const text of [
    incident.title,
    incident.symptom,
    incident.rootCause,
    incident.resolution,
    incident.verification,
    incident.question,
    incident.lesson,
    incident.observation,
    incident.attempt,
    incident.result,
  ])
    expect(markdown).toContain(text)
  for (const [statement, verdict, evidence] of incident.hypotheses) {
    expect(markdown).toContain(statement)
    expect(markdown).toContain(evidence)
    expect(markdown).toContain(`· ${verdict}`)
  }
  expect(markdown).toContain('resolutionKind: TEMPORARY')
  expect(markdown).toMatch(/before: 0\.6\/s\n\s+after: 80\/s/)
  expect(markdown).toContain('status: PUBLISHED')
})

test('[POSTMORTEM]: two people type into the same field at once; both see each other and both texts are kept', async ({
  browser,
}) => {
  const ada = await (await browser.newContext()).newPage()
  await signIn(ada, admin)
  await ensureUser(ada, colleague, 'Editor')
  const url = await newPostmortem(ada, 'Cache empty after check-in')
  const bo = await (await browser.newContext()).newPage()
  await signIn(bo, colleague)
  await bo.goto(url)

  // Each sees the other in the document, and where.
  await ada.getByLabel('Symptom').click()
  await expect(bo.getByRole('list', { name: 'Also in this postmortem' })).toContainText(
    'Ada Admin is editing What happened',
  )
  await bo.getByRole('textbox', { name: 'Root cause' }).click()
  await expect(ada.getByRole('list', { name: 'Also in this postmortem' })).toContainText(
    'Bo Colleague is editing Root cause',
  )

  // Both type into the symptom at the same moment.
  await bo.getByLabel('Symptom').click()
  await Promise.all([
    ada.getByLabel('Symptom').pressSequentially('签到列表未更新 (seen by Ada) ', { delay: 20 }),
    bo
      .getByLabel('Symptom')
      .pressSequentially('Users saw an empty check-in list (seen by Bo) ', { delay: 20 }),
  ])
  // Ada sees Bo's cursor with his name, and the reverse.
  await expect(ada.locator('.cm-ySelectionInfo', { hasText: 'Bo Colleague' })).toHaveCount(1)
  await expect(bo.locator('.cm-ySelectionInfo', { hasText: 'Ada Admin' })).toHaveCount(1)
  await expectSaved(ada)
  await expectSaved(bo)
  const both = await fieldText(ada.getByLabel('Symptom'))
  expect(both).toContain('签到列表未更新 (seen by Ada)')
  expect(both).toContain('Users saw an empty check-in list (seen by Bo)')
  await expectFieldText(bo.getByLabel('Symptom'), both)
  // A reader of the postmortem sees who is editing it, live.
  const reader = await ada.context().newPage()
  const unread: string[] = []
  reader.on('console', (m) => m.text().includes('Unable to compute message') && unread.push(m.text()))
  await reader.goto(url.replace(/\/edit$/, ''))
  await expect(reader.getByRole('list', { name: 'Also in this postmortem' })).toContainText(
    'Bo Colleague is editing What happened',
  )
  await bo.getByRole('textbox', { name: 'Root cause' }).click()
  await expect(reader.getByRole('list', { name: 'Also in this postmortem' })).toContainText(
    'Bo Colleague is editing Root cause',
  )

  // Ada previews the root cause while Bo writes it: the preview reads as Markdown and follows him.
  const rootCause = ada.getByRole('region', { name: 'Root cause' })
  await rootCause.getByRole('button', { name: 'Preview' }).first().click()
  await expect(rootCause.getByText('Nothing to preview.')).toBeVisible()
  await bo.getByRole('textbox', { name: 'Root cause' }).pressSequentially('**连接池** ran dry', { delay: 20 })
  await expect(rootCause.locator('strong', { hasText: '连接池' })).toBeVisible()
  await expect(rootCause).toContainText('连接池 ran dry')
  await rootCause.getByRole('button', { name: 'Write' }).first().click()
  await expectFieldText(ada.getByRole('textbox', { name: 'Root cause' }), '**连接池** ran dry')
  // The reader's page heard every "saved" the editors did, and understood each one.
  await expectSaved(bo)
  expect(unread).toEqual([])

  // Saved for everyone: a fresh reader sees both.
  await ada.goto(url.replace(/\/edit$/, ''))
  await expect(ada.getByRole('main')).toContainText('签到列表未更新 (seen by Ada)')
  await expect(ada.getByRole('main')).toContainText('Users saw an empty check-in list (seen by Bo)')
})

test('[POSTMORTEM]: a removed hypothesis comes back with Undo, and Ctrl+Z takes back the last change', async ({
  page,
}) => {
  await signInAsAdmin(page)
  await newPostmortem(page, 'Undo brings it back')
  const hypotheses = page.getByRole('list', { name: 'Hypotheses' })
  await page.getByRole('button', { name: 'Add hypothesis' }).click()
  await item(hypotheses, 0).getByLabel('Suspicion').fill('连接池耗尽 — pool exhausted')
  await expectSaved(page)

  await item(hypotheses, 0)
    .getByRole('button', { name: /^Remove/ })
    .click()
  await expect(hypotheses.getByRole('listitem')).toHaveCount(0)
  await expect(page.getByText('Removed.', { exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Undo', exact: true }).click()
  await expect(item(hypotheses, 0).getByLabel('Suspicion')).toHaveValue('连接池耗尽 — pool exhausted')
  // The Undo button went with its bar: the keyboard is on the entry that came back.
  await expect(item(hypotheses, 0).getByLabel('Suspicion')).toBeFocused()
  await expectSaved(page)
  await page.reload()
  await expect(item(hypotheses, 0).getByLabel('Suspicion')).toHaveValue('连接池耗尽 — pool exhausted')

  await page.getByLabel('Title').fill('Undo brings it back — renamed')
  await page.getByLabel('Title').press('ControlOrMeta+z')
  await expect(page.getByLabel('Title')).toHaveValue('Undo brings it back')
  await page.getByLabel('Title').press('ControlOrMeta+Shift+z')
  await expect(page.getByLabel('Title')).toHaveValue('Undo brings it back — renamed')
})

test('[POSTMORTEM]: invalid input is explained next to the field and nothing saved is lost', async ({
  page,
}) => {
  await signInAsAdmin(page)
  await newPostmortem(page, 'Dates out of order')
  await page.getByLabel('Impact').fill('kept while the dates are wrong')
  await expectSaved(page)
  await page.getByLabel('Occurred').fill('2026-11-02T10:00')
  await page.getByLabel('Resolved').fill('2026-11-01T10:00')
  await expect(page.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'invalid')
  await expect(page.getByText('This must not be earlier than the dates before it.')).toBeVisible()
  await page.getByLabel('Resolved').fill('2026-11-02T12:00')
  await expectSaved(page)
  await page.reload()
  await expectFieldText(page.getByLabel('Impact'), 'kept while the dates are wrong')
  await expect(page.getByText('This must not be earlier than the dates before it.')).toHaveCount(0)
})

test('[POSTMORTEM]: text typed offline survives closing the tab and merges with what a colleague typed meanwhile', async ({
  browser,
}) => {
  const adaBrowser = await browser.newContext()
  const ada = await adaBrowser.newPage()
  await signIn(ada, admin)
  await ensureUser(ada, colleague, 'Editor')
  const url = await newPostmortem(ada, 'Offline typing')
  await expectSaved(ada)

  // Ada's train enters a tunnel: she types, the editor says it keeps the text here, she closes the tab.
  await adaBrowser.setOffline(true)
  await ada.getByLabel('Impact').fill('部分用户无法登录 — typed on a train')
  await expect(ada.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'offline')
  await expect(ada.locator('[data-save-state]')).toContainText('Offline — your text is kept on this device')
  await ada.close()

  // Meanwhile Bo writes the symptom, online.
  const bo = await (await browser.newContext()).newPage()
  await signIn(bo, colleague)
  await bo.goto(url)
  await bo.getByLabel('Symptom').fill('Check-in list empty for some users')
  await expectSaved(bo)
  await expectFieldText(bo.getByLabel('Impact'), '')

  // Back online, Ada opens the postmortem again: her offline text is there and reaches Bo.
  await adaBrowser.setOffline(false)
  const again = await adaBrowser.newPage()
  await again.goto(url)
  await expectFieldText(again.getByLabel('Impact'), '部分用户无法登录 — typed on a train')
  await expectFieldText(again.getByLabel('Symptom'), 'Check-in list empty for some users')
  await expectSaved(again)
  await expectFieldText(bo.getByLabel('Impact'), '部分用户无法登录 — typed on a train')
})

test('[POSTMORTEM]: the editor shows the saved text and takes typing before its live connection is up', async ({
  browser,
}) => {
  const adaBrowser = await browser.newContext()
  const ada = await adaBrowser.newPage()
  await signIn(ada, admin)
  const url = await newPostmortem(ada, 'Slow line')
  await ada.getByLabel('Impact').fill('支付回调延迟 — callbacks late by minutes')
  await expectSaved(ada)

  // On another computer (nothing kept in its browser), the co-editing connection cannot get through.
  const laptop = await browser.newContext()
  let lineUp = false
  await laptop.routeWebSocket(/\/collab/, (socket) => (lineUp ? socket.connectToServer() : socket.close()))
  const page = await laptop.newPage()
  await signIn(page, admin)
  await page.goto(url)
  await expectFieldText(page.getByLabel('Impact'), '支付回调延迟 — callbacks late by minutes')
  await page.getByLabel('Symptom').fill('Orders stuck in "paying"')
  await expect(page.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'offline')

  // The line comes up: what was typed is saved and reaches Ada, and nothing shows twice.
  lineUp = true
  await expectSaved(page)
  await expectFieldText(ada.getByLabel('Symptom'), 'Orders stuck in "paying"')
  await expectFieldText(page.getByLabel('Impact'), '支付回调延迟 — callbacks late by minutes')
})

test('[POSTMORTEM]: a new postmortem takes typing at once, before its live connection is up', async ({
  page,
  browser,
}) => {
  await signInAsAdmin(page)
  let lineUp = false
  await page.routeWebSocket(/\/collab/, (socket) => (lineUp ? socket.connectToServer() : socket.close()))
  const url = await newPostmortem(page, 'Written on a train')
  await page.getByLabel('Symptom').pressSequentially('检票列表为空 — check-in list empty')
  await expect(page.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'offline')

  // The line comes up: what was typed is saved, once.
  lineUp = true
  await expectSaved(page)
  const other = await (await browser.newContext()).newPage()
  await signIn(other, admin)
  await other.goto(url)
  await expectFieldText(other.getByLabel('Symptom'), '检票列表为空 — check-in list empty')
})

test('[POSTMORTEM]: closing the tab right after typing loses nothing', async ({ page, context }) => {
  await signInAsAdmin(page)
  const url = await newPostmortem(page, 'Closed mid-typing')
  await page.getByLabel('Impact').fill('最后一句话 — the last sentence before the tab closed')
  await page.close({ runBeforeUnload: true })
  const again = await context.newPage()
  await again.goto(url)
  await expectFieldText(again.getByLabel('Impact'), '最后一句话 — the last sentence before the tab closed')
  await expectSaved(again)
  // And it reached the server, not only this browser: another browser sees it.
  const other = await (await page.context().browser()!.newContext()).newPage()
  await signIn(other, admin)
  await other.goto(url)
  await expectFieldText(other.getByLabel('Impact'), '最后一句话 — the last sentence before the tab closed')
})

test('[POSTMORTEM]: the text shows before the page has loaded, and what is typed then is saved', async ({
  page,
  browser,
}) => {
  await signInAsAdmin(page)
  const url = await newPostmortem(page, 'Typed on a slow line')
  const rootCause = () => page.getByRole('textbox', { name: 'Root cause', exact: true })
  await rootCause().fill('各项目日志表的uid没有建索引')
  await expectSaved(page)

  // A slow line: the page's script arrives only after the person has started typing.
  let arrive = () => {}
  const held = new Promise<void>((resolve) => (arrive = resolve))
  await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
    await held
    await route.continue()
  })
  await page.goto(url, { waitUntil: 'commit' })
  await expect(rootCause()).toHaveValue('各项目日志表的uid没有建索引')
  await rootCause().click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('，初始化脚本全表扫描')
  arrive()

  // The editor takes over with the typing in it, and saves it: another browser reads it.
  await expectFieldText(rootCause(), '各项目日志表的uid没有建索引，初始化脚本全表扫描')
  await expectSaved(page)
  const other = await (await browser.newContext()).newPage()
  await signIn(other, admin)
  await other.goto(url)
  await expectFieldText(
    other.getByRole('textbox', { name: 'Root cause', exact: true }),
    '各项目日志表的uid没有建索引，初始化脚本全表扫描',
  )
})

test('[POSTMORTEM]: when the text editor’s script does not come, the plain field still saves what is typed', async ({
  page,
  browser,
}) => {
  await signInAsAdmin(page)
  const url = await newPostmortem(page, 'Editor script blocked')
  const impact = () => page.getByRole('textbox', { name: 'Impact', exact: true })
  await impact().fill('部分用户无法下单')
  await expectSaved(page)

  // The page's own script comes; the text editor's is refused by the network (the chunk that
  // holds CodeMirror's own styles, .cm-gutters among them).
  await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
    const response = await route.fetch()
    if ((await response.text()).includes('cm-gutters')) return route.abort()
    await route.fulfill({ response })
  })
  await page.goto(url)
  await expectSaved(page)
  await impact().click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(' — orders failed for 20 minutes')
  await expect(impact()).toHaveValue('部分用户无法下单 — orders failed for 20 minutes')
  await expectSaved(page)

  const other = await (await browser.newContext()).newPage()
  await signIn(other, admin)
  await other.goto(url)
  await expectFieldText(
    other.getByRole('textbox', { name: 'Impact', exact: true }),
    '部分用户无法下单 — orders failed for 20 minutes',
  )
})

test('[POSTMORTEM]: a long retro (15 hypotheses, 40 moments) opens with every entry there to edit', async ({
  page,
}) => {
  await signInAsAdmin(page)
  const number = (await newPostmortem(page, 'A long night')).split('/').at(-2)
  // Written by a pipeline through the JSON API: longer than the editor renders with the page.
  const hypotheses = Array.from({ length: 15 }, (_, i) => ({
    id: crypto.randomUUID(),
    statement: `怀疑 ${i + 1}: suspicion ${i + 1}`,
    status: 'OPEN',
    evidence: '',
  }))
  const timeline = Array.from({ length: 40 }, (_, i) => ({
    id: crypto.randomUUID(),
    at: null,
    kind: 'OBSERVATION',
    text: `Moment ${i + 1}`,
    hypothesisId: null,
  }))
  const saved = await page.request.put(`/api/v1/postmortems/${number}`, {
    headers: { origin: new URL(page.url()).origin },
    data: { baseVersion: 1, document: { title: 'A long night', hypotheses, timeline } },
  })
  expect(saved.status()).toBe(200)
  await page.reload()

  const moments = page.getByRole('list', { name: 'Timeline' })
  await expect(moments.getByRole('listitem')).toHaveCount(40)
  await expect(page.getByRole('list', { name: 'Hypotheses' }).getByRole('listitem')).toHaveCount(15)
  const last = item(moments, 39)
  await expect(last.getByLabel('What happened')).toHaveValue('Moment 40')
  await last.getByLabel('Tests hypothesis').selectOption({ label: '15. 怀疑 15: suspicion 15' })
  await expectSaved(page)
  await page.reload()
  await expect(item(moments, 39).getByLabel('Tests hypothesis')).toHaveValue(hypotheses[14]!.id)

  // One past the first screen, removed and brought back with Undo, is whole again at once.
  await item(moments, 29)
    .getByRole('button', { name: /^Remove/ })
    .click()
  await expect(moments.getByRole('listitem')).toHaveCount(39)
  await page.getByRole('button', { name: 'Undo', exact: true }).click()
  await expect(item(moments, 29).getByLabel('What happened')).toHaveValue('Moment 30')
  await expect(item(moments, 29).getByLabel('Kind')).toBeFocused()
})
