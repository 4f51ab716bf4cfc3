import { ensureUser, expect, expectSaved, newPostmortem, signIn, test, type Person } from './fixtures'

const viewer: Person = { name: 'Vivi Viewer', email: 'vivi.viewer@example.com', password: 'viewer-pass-1' }

test('[VERSIONS]: a viewer keeps seeing the published version while an editor changes the next one', async ({
  page,
  browser,
}) => {
  await ensureUser(page, viewer, 'Viewer')
  const editUrl = await newPostmortem(page, `Versions ${Date.now()}`)
  const readUrl = editUrl.replace(/\/edit$/, '')
  const rootCause = page.getByRole('textbox', { name: 'Root cause', exact: true })
  await page.getByLabel('Symptom').fill('下单接口超时 (checkout timed out)')
  await rootCause.fill('连接池太小 (the connection pool was too small)')
  await expectSaved(page)
  await page.getByRole('button', { name: 'Submit for review' }).click()
  await expect(page.getByText('In review', { exact: true })).toBeVisible()
  await page.goto(readUrl)
  await page.getByRole('region', { name: 'Review' }).getByRole('button', { name: 'Publish' }).click()
  await expect(page.getByRole('region', { name: 'Review' })).toBeHidden()

  // The viewer, in a browser of their own, reads the published version.
  const context = await browser.newContext({ locale: 'en-US' })
  const reader = await context.newPage()
  await signIn(reader, viewer)
  await reader.goto(readUrl)
  const article = reader.getByRole('article')
  await expect(article).toContainText('the connection pool was too small')

  // The editor changes the next version; readers are not shown it.
  await page.goto(editUrl)
  await expect(page.getByText('You are editing the next version.')).toBeVisible()
  await rootCause.fill('重试风暴 (a retry storm exhausted the pool)')
  await expectSaved(page)
  await reader.reload()
  await expect(article).toContainText('the connection pool was too small')
  await expect(article).not.toContainText('a retry storm')
  await page.goto(readUrl)
  await expect(page.getByText(/^Unpublished changes by Ada Admin/)).toBeVisible()
  await expect(page.getByRole('article')).not.toContainText('a retry storm')

  // Published with "Publish changes", the viewer sees the new text.
  await page.getByRole('link', { name: 'Continue editing' }).click()
  await page.getByRole('button', { name: 'Publish changes' }).click()
  await expect(page.getByText('Changes published: readers see them now.')).toBeVisible()
  await reader.reload()
  await expect(article).toContainText('a retry storm exhausted the pool')
  await expect(article).not.toContainText('the connection pool was too small')
  await context.close()
})
