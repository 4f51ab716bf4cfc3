import { randomUUID } from 'node:crypto'
import { expect, expectSaved, newPostmortem, publishedPostmortem, signInAsAdmin, test } from './fixtures'

test('[INSIGHTS]: an editor filters insights by a service, reads time to resolve and the contributing factors in both languages, and follows figures to their postmortems', async ({
  page,
}) => {
  test.slow()
  // A service of this test's own: the other specs' postmortems share the database.
  const service = `insights-${randomUUID().slice(0, 8)}`
  const factor = `Pool sizing ${service}`
  await signInAsAdmin(page)

  // An admin adds a contributing factor to the taxonomy; the API names it by id.
  await page.goto('/settings/factors')
  await page.getByRole('textbox', { name: 'Name' }).first().fill(factor)
  await page.getByRole('button', { name: 'Add factor' }).click()
  await expect(page.getByText('Factor added.')).toBeVisible()
  await expect(page.getByRole('heading', { name: factor })).toBeVisible()
  const { factors } = (await (await page.request.get('/api/v1/factors')).json()) as {
    factors: { id: string; name: string }[]
  }
  const factorId = factors.find((f) => f.name === factor)!.id

  await publishedPostmortem(page, `Checkout outage ${service}`, {
    factors: [factorId],
    severity: 'SEV2',
    services: [service],
    occurredAt: '2025-06-10T10:00:00Z',
    detectedAt: '2025-06-10T10:15:00Z',
    resolvedAt: '2025-06-10T12:00:00Z',
    rootCause: 'The nightly settlement batch job exhausted the payments database connection pool.',
    // More lessons than the overview lists: the sixth is on the loop's own page.
    lessons: Array.from({ length: 6 }, (_, i) => ({
      id: randomUUID(),
      text: `Lesson ${i + 1} of ${service}`,
    })),
  })
  // Nobody wrote down when the second one started: it is counted as lacking a time, not dropped.
  await publishedPostmortem(page, `Checkout slow ${service}`, {
    severity: 'SEV3',
    services: [service],
    detectedAt: '2025-06-20T08:00:00Z',
    resolvedAt: '2025-06-20T09:00:00Z',
    rootCause: 'Again the settlement batch job held every connection of the payments connection pool.',
  })

  await page.getByRole('link', { name: 'Insights' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Insights' })).toBeVisible()
  await page.getByRole('combobox', { name: 'Service' }).selectOption(service)
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page).toHaveURL(new RegExp(`service=${service}`))
  await expect(page.getByText('2 published postmortems counted.')).toBeVisible()

  const resolve = page.getByRole('region', { name: 'Time to resolve' })
  await expect(resolve.getByRole('definition').nth(1)).toHaveText('2 hr') // the median of one: 10:00 → 12:00
  await expect(resolve).toContainText('1 incident lacks a time and is not in these figures.')

  // One of the two names the factor: the figure opens the list of that one, within the app (the
  // document is not loaded again: what this page set on it is still there).
  const byFactor = page.getByRole('region', { name: 'By contributing factor' })
  await expect(byFactor).toContainText('1 incident names no contributing factor.')
  await page.evaluate(() => Object.assign(window, { stillTheSameDocument: true }))
  await byFactor
    .getByRole('row', { name: new RegExp(factor) })
    .getByRole('link', { name: '1' })
    .click()
  await expect(page).toHaveURL(new RegExp(`factor=${factorId}`))
  await expect(page.getByRole('link', { name: new RegExp(`Checkout outage ${service}`) })).toBeVisible()
  await expect(page.getByRole('link', { name: new RegExp(`Checkout slow ${service}`) })).toBeHidden()
  expect(await page.evaluate(() => 'stillTheSameDocument' in window)).toBe(true)
  await page.goBack()

  // June 2025 in the table: the total opens the list of the two postmortems behind it.
  const june = page.getByRole('row', { name: /Jun 2025/ })
  await june.getByRole('link', { name: '2' }).click()
  await expect(page).toHaveURL(/\/postmortems\?.*from=2025-06-01.*to=2025-06-30/)
  await expect(page.getByRole('link', { name: new RegExp(`Checkout outage ${service}`) })).toBeVisible()
  await expect(page.getByRole('link', { name: new RegExp(`Checkout slow ${service}`) })).toBeVisible()

  // The second repeats the first: same service, same root cause, and no lesson became a check.
  await page.goBack()
  await expect(page).toHaveURL(new RegExp(`/insights\\?.*service=${service}`))
  const repeats = page.getByRole('region', { name: 'Repeat incidents' })
  await expect(async () => {
    // Compared in the background after publication: the page says so until it is done.
    await page.reload()
    await expect(repeats).toContainText('1 incident repeats an earlier one.', { timeout: 1_000 })
  }).toPass({ timeout: 30_000 })
  const repeat = repeats.getByRole('row', { name: new RegExp(`Checkout slow ${service}`) })
  await expect(repeat.getByRole('link', { name: /^PM-/ }).nth(1)).toBeVisible()
  await expect(repeat).toContainText(`Checkout outage ${service}`)
  await expect(repeat).toContainText('No check learned')
  // The repeats' own page, same filters, names up to three earlier incidents each.
  await repeats.getByRole('link', { name: 'The repeat incident with their earlier incidents' }).click()
  await expect(page).toHaveURL(new RegExp(`/insights/repeats\\?.*service=${service}`))
  await expect(page.getByRole('row', { name: new RegExp(`Checkout slow ${service}`) })).toContainText(
    `Checkout outage ${service}`,
  )
  await page.goBack()

  // No lesson became a check: the overview lists five, the loop's page all six, same filters.
  const loop = page.getByRole('region', { name: /The loop/ })
  await expect(loop).toContainText('6 of 6 lessons')
  await expect(loop.getByText(`Lesson 5 of ${service}`)).toBeVisible()
  await expect(loop.getByText(`Lesson 6 of ${service}`)).toBeHidden()
  await loop.getByRole('link', { name: /^All .* 6 lessons without a check/ }).click()
  await expect(page).toHaveURL(new RegExp(`/insights/loop\\?.*service=${service}`))
  await expect(page.getByText(`Lesson 6 of ${service}`)).toBeVisible()
  await page.getByRole('link', { name: 'All insights' }).click()
  await expect(page).toHaveURL(new RegExp(`/insights\\?.*service=${service}`))

  // The same figures as CSV.
  const csv = await (await page.request.get(`/api/v1/insights?format=csv&service=${service}`)).text()
  expect(csv).toContain('timeToResolve,median_seconds,,7200')
  expect(csv).toContain('timeToResolve,missing,,1')
  expect(csv).toContain('repeats,without,,1')

  // The same page in Chinese.
  await page.goto(`/insights?service=${service}`)
  await page.getByRole('button', { name: /^Language/ }).click()
  await page.getByRole('menuitemradio', { name: '简体中文' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '洞察' })).toBeVisible()
  await expect(
    page.getByRole('region', { name: '按促成因素' }).getByRole('row', { name: new RegExp(factor) }),
  ).toBeVisible()
  await page.getByRole('button', { name: /^语言/ }).click()
  await page.getByRole('menuitemradio', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Insights' })).toBeVisible()

  // An editor ticks the factor on a new postmortem; its readers see it named.
  const edit = await newPostmortem(page, `Checkout queue ${service}`)
  await page.getByRole('checkbox', { name: factor }).check()
  await expectSaved(page)
  await page.goto(edit.replace(/\/edit$/, ''))
  await expect(page.getByText(factor)).toBeVisible()
})
