import { randomUUID } from 'node:crypto'
import { expect, publishedPostmortem, signInAsAdmin, test } from './fixtures'

test('[LOOP]: a launch on a service with past incidents is proposed their checks and a like incident; one is added, one dismissed with a reason that stays readable', async ({
  page,
}) => {
  test.slow()
  // A service and words of this test's own: the other specs' postmortems share the database.
  const key = randomUUID().slice(0, 8)
  const service = `ledger-${key}`
  const lesson = `Replay the ledger backlog on a staging copy before every migration ${key}`
  const title = `Ledger migration stalled the settlement queue ${key}`

  await signInAsAdmin(page)
  const number = await publishedPostmortem(page, title, {
    severity: 'SEV2',
    services: [service],
    symptom: `Settlement queue stalled during the ledger migration ${key}`,
    lessons: [{ id: randomUUID(), text: lesson }],
  })

  // The lesson becomes a checklist item of a template.
  const template = `Ledger launches ${key}`
  await page.goto('/checklists')
  await page.getByLabel('Name').fill(template)
  await page.getByRole('button', { name: 'Create template' }).click()
  await expect(page.getByRole('heading', { level: 1, name: template })).toBeVisible()
  await page.goto(`/postmortems/${number}`)
  await page.getByRole('link', { name: 'Turn into checklist item' }).click()
  await page.getByLabel('Template').selectOption({ label: template })
  await page.getByRole('button', { name: 'Add to template' }).click()
  await expect(page.getByRole('link', { name: new RegExp(`Checklist item in ${template}`) })).toBeVisible()

  // A launch that says what it is about, but not yet which services it touches.
  await page.goto('/launches/new')
  await page.getByLabel('Name').fill(`Ledger migration v2 ${key}`)
  await page.getByLabel('Description').fill(`Moves the settlement queue to the new ledger migration ${key}.`)
  await page.getByRole('button', { name: 'Create launch' }).click()
  const proposals = page.getByRole('region', { name: 'Proposed from past incidents' })
  await expect(
    proposals.getByText('Add the services and tags this launch touches to get the checks learned'),
  ).toBeVisible()

  // Naming its service brings the check learned there, with why.
  await proposals.getByLabel('Services this launch touches').fill(service)
  await proposals.getByLabel('Services this launch touches').press('Enter')
  await proposals.getByRole('button', { name: 'Save services and tags' }).click()
  await expect(proposals.getByRole('status')).toHaveText('Saved: the proposals below follow them.')
  const checks = proposals.getByRole('list', { name: 'Checks learned on these services and tags' })
  const proposed = checks.getByRole('listitem', { name: lesson })
  await expect(proposed).toContainText(`Learned from PM-${number} ${title}`)
  await expect(proposed).toContainText(`service: ${service}`)

  // One click adds it to the review; it is no longer proposed.
  await proposed.getByRole('button', { name: `Add to review: ${lesson}` }).click()
  const review = page.getByRole('list', { name: 'Checks', exact: true })
  await expect(review.getByRole('listitem', { name: lesson, exact: true })).toBeVisible()
  await expect(proposed).toBeHidden()

  // The incident behind it, like the launch's description, is now proposed on its own: dismissed.
  const incidents = proposals.getByRole('list', { name: 'Past incidents like this launch' })
  const incident = incidents.getByRole('listitem', { name: `PM-${number} ${title}` })
  // The focus moved on to it, the proposal that took the added one's place.
  await expect(incident).toBeFocused()
  await incident.getByRole('button', { name: `Dismiss: PM-${number} ${title}` }).click()
  await incident.getByRole('button', { name: 'Dismiss', exact: true }).click()
  await expect(incident.getByText('This field is required.')).toBeVisible()
  await incident
    .getByLabel('Why it does not apply to this launch')
    .fill('Its only check is on the review already')
  await incident.getByRole('button', { name: 'Dismiss', exact: true }).click()
  await expect(incident).toBeHidden()
  await expect(proposals.getByText('Nothing to propose')).toBeVisible()
  await expect(proposals.getByRole('heading', { name: 'Proposed from past incidents' })).toBeFocused()
  // After a reload too: the dismissal is kept, and the review can still read why.
  await page.reload()
  const region = page.getByRole('region', { name: 'Proposed from past incidents' })
  await expect(region.getByText('Nothing to propose')).toBeVisible()
  await region.getByText('1 dismissed proposal').click()
  await expect(region.getByRole('link', { name: `PM-${number} ${title}` })).toBeVisible()
  await expect(region.getByText(/“Its only check is on the review already” — /)).toBeVisible()
})
