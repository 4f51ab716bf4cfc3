import { expect, signInAsAdmin, test } from './fixtures'

test('a page fetches none of the pages it links to until one is reached for; the one pointed at or tabbed to is fetched ahead and opens', async ({
  page,
}) => {
  await signInAsAdmin(page)
  const fetchedAhead: string[] = []
  page.on('request', (request) => {
    if (request.headers()['next-router-prefetch']) fetchedAhead.push(new URL(request.url()).pathname)
  })
  await page.goto('/postmortems')
  await expect(page.getByRole('heading', { name: 'Postmortems', level: 1 })).toBeVisible()
  // The menu's seven pages and the list's rows are on screen; none of them is asked for. (Not
  // 'networkidle': under load Chromium sometimes never reports it, and the test hung for good.)
  await page.waitForLoadState('load')
  expect(fetchedAhead).toEqual([])

  const menu = page.getByRole('navigation', { name: 'Main navigation' })
  await menu.getByRole('link', { name: 'Search' }).hover()
  await expect.poll(() => fetchedAhead).toContain('/search')
  await menu.getByRole('link', { name: 'Launches' }).focus()
  await expect.poll(() => fetchedAhead).toContain('/launches')
  expect(fetchedAhead).not.toContain('/insights')

  await menu.getByRole('link', { name: 'Search' }).click()
  await expect(page).toHaveURL(/\/search$/)
  await expect(page.getByRole('heading', { name: 'Search', level: 1 })).toBeVisible()
  // By now the list page had long been running: of its links, only the two reached for were fetched.
  expect([...new Set(fetchedAhead)].sort()).toEqual(['/launches', '/search'])
})
