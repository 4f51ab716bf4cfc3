import { randomUUID } from 'node:crypto'
import type { Locator, Page } from '@playwright/test'
import { admin, expect, expectSaved, signInAsAdmin, test } from './fixtures'

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user moves through a
 * page; fails if it is not reached within `limit` stops.
 */
async function tabTo(page: Page, target: Locator, { back = false, limit = 120 } = {}) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
  }
  await expect(target).toBeFocused()
}

test('[A11Y]: the first Tab stop skips the navigation to the page’s content, in both languages', async ({
  page,
}) => {
  await signInAsAdmin(page)
  await page.goto('/postmortems')
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to content' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(page.locator('main#main')).toBeFocused()
  // The next Tab stop is inside the content, not the navigation's first link.
  await page.keyboard.press('Tab')
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).locator(':focus')).toHaveCount(0)

  await page.getByRole('button', { name: /^Language/ }).click()
  // Each language's name is read in that language.
  await expect(page.getByRole('menuitemradio', { name: '简体中文' })).toHaveAttribute('lang', 'zh-CN')
  await page.getByRole('menuitemradio', { name: '简体中文' }).click()
  await expect(page.getByRole('heading', { name: '复盘', level: 1 })).toBeVisible()
  await page.reload()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: '跳到正文' })).toBeFocused()
})

test('[A11Y]: with the keyboard alone, an editor writes a postmortem, adds and removes hypotheses, records a launch verdict and changes the language, and the focus is always where the work is', async ({
  page,
}) => {
  test.slow() // every step waits on the server and on the focus
  const run = randomUUID().slice(0, 8)
  await signInAsAdmin(page)

  // A new postmortem: Tab to the link, Enter, type the title, Enter.
  await tabTo(page, page.getByRole('main').getByRole('link', { name: 'New postmortem' }).first())
  await page.keyboard.press('Enter')
  const title = page.getByLabel('Title')
  await tabTo(page, title)
  await page.keyboard.type(`Keyboard-only incident ${run}`)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/postmortems\/\d+\/edit$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Editing PM-\d+$/)

  const symptom = page.getByRole('textbox', { name: 'Symptom' })
  await tabTo(page, symptom)
  await page.keyboard.type('Checkout callbacks were refused after the data-centre move.')
  await expect(symptom).toBeFocused()

  // Add: the new hypothesis's first field takes the focus, and the addition is announced.
  const hypotheses = page.getByRole('list', { name: 'Hypotheses' })
  const add = page.getByRole('button', { name: 'Add hypothesis' })
  await tabTo(page, add)
  await page.keyboard.press('Enter')
  await expect(hypotheses.getByRole('listitem').nth(0).getByLabel('Suspicion')).toBeFocused()
  await expect(page.getByRole('status').filter({ hasText: 'Hypothesis 1 added.' })).toHaveCount(1)
  await page.keyboard.type('The firewall dropped the callbacks')

  await tabTo(page, add, { back: true })
  await page.keyboard.press('Enter')
  await expect(hypotheses.getByRole('listitem').nth(1).getByLabel('Suspicion')).toBeFocused()
  await page.keyboard.type('The new egress IP was not allow-listed')

  // Each item's buttons say which item they act on.
  const removeFirst = page.getByRole('button', {
    name: 'Remove Hypothesis 1: The firewall dropped the callbacks',
  })
  await tabTo(page, removeFirst, { back: true })
  // Remove: the focus goes to the item that took its place…
  await page.keyboard.press('Enter')
  await expect(hypotheses.getByRole('listitem')).toHaveCount(1)
  const removeNext = page.getByRole('button', {
    name: 'Remove Hypothesis 1: The new egress IP was not allow-listed',
  })
  await expect(removeNext).toBeFocused()
  await expect(page.getByRole('status').filter({ hasText: 'removed.' })).toHaveCount(1)
  // …and, when none is left, to the add button.
  await page.keyboard.press('Enter')
  await expect(hypotheses.getByRole('listitem')).toHaveCount(0)
  await expect(add).toBeFocused()
  await expectSaved(page)

  // A launch with one owned check; the review started and a verdict recorded from the keyboard.
  await page.goto('/launches/new')
  await tabTo(page, page.getByLabel('Name'))
  await page.keyboard.type(`Keyboard launch ${run}`)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: `Keyboard launch ${run}` })).toBeVisible()
  await tabTo(page, page.getByLabel('Check', { exact: true }))
  await page.keyboard.type('The callback hosts are allow-listed')
  await page.keyboard.press('Enter')
  const check = page.getByRole('listitem', { name: 'The callback hosts are allow-listed' })
  await expect(check).toBeVisible()

  // The owner is chosen with the arrows and saved with its button: arrows alone save nothing.
  await tabTo(page, check.getByLabel('Owner', { exact: true }), { back: true })
  await page.keyboard.type(admin.name) // a focused select picks the option typed
  await expect(check.getByLabel('Owner', { exact: true }).locator('option:checked')).toHaveText(admin.name)
  await expect(check.getByRole('status')).toHaveText('')
  const assign = check.getByRole('button', { name: /^Assign/ })
  await page.keyboard.press('Tab')
  await expect(assign).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(check.getByRole('status')).toHaveText('Saved')
  await expect(assign).toBeFocused()

  // Start review: its button goes away with the status, the focus goes to the news.
  await tabTo(page, page.getByRole('button', { name: 'Start review' }), { back: true })
  await page.keyboard.press('Enter')
  const news = page.getByText('The launch is now In review.')
  await expect(news).toBeFocused()

  await tabTo(page, check.getByText('Record the verdict'))
  await page.keyboard.press('Enter')
  const verdict = check.getByLabel('Verdict')
  // As a person does: sees the form open before moving on into it.
  await expect(verdict).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(verdict).toBeFocused()
  await page.keyboard.press('ArrowDown') // Pending → Pass: nothing is sent until Save
  await expect(verdict).toHaveValue('PASS')
  await page.keyboard.press('Tab')
  await expect(check.getByLabel('Evidence')).toBeFocused()
  await page.keyboard.type('https://example.com/allow-list-diff')
  const save = check.getByRole('button', { name: 'Save verdict' })
  await page.keyboard.press('Tab')
  await expect(save).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(check.getByTestId('check-status')).toHaveText('Pass')
  // The button kept the focus while the verdict was being saved, and after.
  await expect(save).toBeFocused()

  // The language: a menu button; the arrows move through the languages, Enter chooses one.
  const language = page.getByRole('button', { name: /^Language/ })
  await tabTo(page, language, { back: true })
  await page.keyboard.press('Enter')
  await expect(page.getByRole('menu')).toBeVisible()
  await page.keyboard.press('End')
  await expect(page.getByRole('menuitemradio', { name: 'English' })).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await expect(page.getByRole('menuitemradio', { name: '简体中文' })).toBeFocused()
  // Arrowing onto a language changes nothing yet (WCAG 3.2.2).
  await expect(page.getByRole('heading', { level: 2, name: 'Launch review' })).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 2, name: '上线评审' })).toBeVisible()
  await expect(page.getByRole('button', { name: /^语言/ })).toBeFocused()
})
