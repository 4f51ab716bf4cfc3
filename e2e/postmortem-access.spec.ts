import { ensureUser, expect, expectSaved, newPostmortem, signIn, test, type Person } from './fixtures'

const reader: Person = { name: 'Rita Reader', email: 'rita.reader@example.com', password: 'reader-pass-1' }

test('[ROLES]: a viewer reads published postmortems but cannot create or edit (hidden in the UI, 403 on the server)', async ({
  page,
}) => {
  await ensureUser(page, reader, 'Viewer')
  const editUrl = await newPostmortem(page, 'Draft nobody else should see')
  await page.getByLabel('Symptom').fill('still a draft')
  await expectSaved(page)
  const number = editUrl.split('/').at(-2)
  // The admin's session is the one every test shares: leave it open and sign in afresh.
  await page.context().clearCookies()

  await signIn(page, reader)
  await expect(page.getByRole('link', { name: 'New postmortem' })).toHaveCount(0)
  const create = await page.goto('/postmortems/new')
  expect(create?.status()).toBe(403)
  const edit = await page.goto(`/postmortems/${number}/edit`)
  expect(edit?.status()).toBe(403)
  // A draft does not exist for a viewer.
  const read = await page.goto(`/postmortems/${number}`)
  expect(read?.status()).toBe(404)
  // From the app's own origin, so it is the role that refuses (not the cross-origin guard).
  const save = await page.request.put(`/api/v1/postmortems/${number}`, {
    headers: { origin: new URL(page.url()).origin },
    data: { baseVersion: 1, document: { title: 'Hijacked' } },
  })
  expect(save.status()).toBe(403)
  expect((await save.json()).error.code).toBe('FORBIDDEN')
})
