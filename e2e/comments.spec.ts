import { expect, expectSaved, newPostmortem, signInAsAdmin, test } from './fixtures'

test('[COMMENTS]: a reviewer comments on a selected passage, the author replies, the thread is resolved', async ({
  page,
}) => {
  await signInAsAdmin(page)
  await newPostmortem(page, 'Replica lag during the nightly backup')
  const rootCause = page.getByRole('textbox', { name: 'Root cause', exact: true })
  await rootCause.fill('The replica lagged behind the primary during the nightly backup.')
  await expectSaved(page)

  // Select "lagged behind" with the keyboard, then start a thread on it.
  await rootCause.press('Control+Home')
  for (let i = 0; i < 'The replica '.length; i++) await rootCause.press('ArrowRight')
  for (let i = 0; i < 'lagged behind'.length; i++) await rootCause.press('Shift+ArrowRight')
  // Each long text has its button, enabled while the text has a selection (described by the field).
  const commentOnSelection = page.getByRole('button', { name: 'Comment on selection', disabled: false })
  await expect(commentOnSelection).toHaveAccessibleDescription('Root cause')
  await commentOnSelection.click()

  const comment = page.getByLabel('Your comment')
  await expect(comment).toBeFocused()
  await comment.fill('Which replica? ')
  await page.getByLabel('Mention someone').selectOption({ label: 'Ada Admin' })
  await expect(comment).toHaveValue('Which replica? @Ada Admin ')
  await page.getByRole('button', { name: 'Comment', exact: true }).click()

  const thread = page.getByRole('listitem', { name: 'Thread on “lagged behind”' })
  await expect(thread).toContainText('Which replica? @Ada Admin')
  await expect(page.getByRole('heading', { name: 'Comments · 1 open' })).toBeFocused()
  // The passage is marked in the text, and stays marked while text is typed before it.
  const passage = page.locator('.cm-comment-passage')
  await expect(passage).toHaveText('lagged behind')
  await rootCause.press('Control+Home')
  await rootCause.pressSequentially('At 02:00 ')
  await expect(passage).toHaveText('lagged behind')

  await thread.getByLabel('Your reply').fill('The **old** one, 209.')
  await thread.getByRole('button', { name: 'Reply' }).click()
  await expect(thread.locator('strong')).toHaveText('old')

  await thread.getByRole('button', { name: 'Resolve' }).click()
  await expect(page.getByRole('heading', { name: 'Comments', exact: true })).toBeVisible()
  await expect(passage).toHaveCount(0)
  const resolved = page.getByText('1 resolved thread')
  await expect(resolved).toBeVisible()
  await resolved.click()
  await expect(thread).toContainText('Resolved by Ada Admin')
  await expect(thread.getByRole('button', { name: 'Reopen' })).toBeVisible()
})

test('[COMMENTS]: a reviewer comments on a hypothesis as a whole; the thread names it in the editor and on the read page', async ({
  page,
}) => {
  await signInAsAdmin(page)
  const edit = await newPostmortem(page, 'Checkout errors after the pool change')
  await page.getByRole('button', { name: 'Add hypothesis' }).click()
  const hypothesis = page.getByRole('list', { name: 'Hypotheses' }).getByRole('listitem').first()
  await hypothesis.getByLabel('Suspicion').fill('连接池被打满 after the pool size change')
  await expectSaved(page)

  await hypothesis
    .getByRole('button', { name: 'Comment on Hypothesis 1: 连接池被打满 after the pool size change' })
    .click()
  await expect(page.getByText('New thread on List entry')).toBeVisible()
  const comment = page.getByLabel('Your comment')
  await expect(comment).toBeFocused()
  await comment.fill('Do the pool metrics show it?')
  await page.getByRole('button', { name: 'Comment', exact: true }).click()
  const thread = page.getByRole('listitem', { name: 'Thread on “连接池被打满 after the pool size change”' })
  await expect(thread).toContainText('Do the pool metrics show it?')

  // Readers see it too, with what it is about.
  await page.goto(edit.replace(/\/edit$/, ''))
  await expect(
    page.getByRole('listitem', { name: 'Thread on “连接池被打满 after the pool size change”' }),
  ).toContainText('Do the pool metrics show it?')
})
