import { randomUUID } from 'node:crypto'
import type { Browser, Page } from '@playwright/test'
import { admin, expect, expectSaved, newPostmortem, signInAsAdmin, test } from './fixtures'
import { expectNoAxeViolations } from './support/axe'

const locales = ['en', 'zh-CN'] as const
type Locale = (typeof locales)[number]

/**
 * What every page needs to show its content: a postmortem with hypotheses (a Chinese one, so
 * its content language differs from the English interface), a launch in review with a check,
 * and the admin's pages. Each test makes its own, in English, before switching language.
 */
async function seed(page: Page) {
  const run = randomUUID().slice(0, 8)
  const title = `充值回调大量失败 ${run}`
  const editUrl = new URL(await newPostmortem(page, title)).pathname
  const number = editUrl.split('/').at(-2)
  const saved = await page.request.put(`/api/v1/postmortems/${number}`, {
    headers: { origin: new URL(page.url()).origin },
    data: {
      baseVersion: 1,
      document: {
        title,
        symptom: '上线后充值回调大量失败，新机房的出口IP不在白名单里',
        rootCause: '新机房出口IP没有加入支付网关白名单',
        hypotheses: [
          { id: randomUUID(), statement: '支付网关限流', status: 'ELIMINATED', evidence: '网关QPS正常' },
          { id: randomUUID(), statement: '出口IP不在白名单', status: 'CONFIRMED', evidence: '网关日志 403' },
        ],
        lessons: [{ id: randomUUID(), text: '切换机房前核对所有白名单' }],
      },
    },
  })
  expect(saved.status()).toBe(200)

  await page.goto('/launches/new')
  const launchName = `A11y launch ${run}`
  await page.getByLabel('Name').fill(launchName)
  await page.getByRole('button', { name: 'Create launch' }).click()
  await expect(page.getByRole('heading', { level: 1, name: launchName })).toBeVisible()
  const launchUrl = new URL(page.url()).pathname
  await page.getByLabel('Check', { exact: true }).fill('Every callback host is on the allow-list')
  await page.getByRole('button', { name: 'Add ad-hoc check' }).click()
  const check = page.getByRole('listitem', { name: 'Every callback host is on the allow-list' })
  await check.getByLabel('Owner', { exact: true }).selectOption({ label: admin.name })
  await check.getByRole('button', { name: /^Assign/ }).click()
  await expect(check.getByRole('status')).toHaveText('Saved')
  await page.getByRole('button', { name: 'Start review' }).click()
  await expect(page.getByText('The launch is now In review.')).toBeVisible()
  return { title, readUrl: editUrl.replace(/\/edit$/, ''), editUrl, launchUrl }
}

/** The language cookie for the whole site (a URL's own path would scope it to that folder). */
async function inLanguage(page: Page, locale: Locale) {
  await page
    .context()
    .addCookies([{ name: 'NEXT_LOCALE', value: locale, url: new URL('/', page.url()).href }])
  await page.goto('/postmortems')
  await expect(page.locator('html')).toHaveAttribute('lang', locale)
}

/** Opens every closed <details> on the page (a launch review's verdict and sub-check forms). */
async function openEverySection(page: Page) {
  const closed = page.locator('main details:not([open]) > summary')
  while (await closed.count()) await closed.first().click()
}

async function signInRefused(browser: Browser, locale: Locale, baseURL: string) {
  const context = await browser.newContext({ locale: 'en-US' })
  await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: new URL('/', baseURL).href }])
  const page = await context.newPage()
  await page.goto('/sign-in')
  await page.locator('input[name=email]').fill(admin.email)
  await page.locator('input[name=password]').fill('not the password')
  await page.locator('button[type=submit]').click()
  // The refusal takes the focus, so the user hears it and can fix it from there.
  const refusal = page.getByRole('alert').filter({ hasText: /\S/ })
  await expect(refusal).toBeVisible()
  await expect(refusal).toBeFocused()
  await expectNoAxeViolations(page, `${locale} sign-in, refused`)
  await context.close()
}

for (const locale of locales) {
  test(`[A11Y]: every page passes axe-core's WCAG 2.1 A/AA rules in ${locale}, with menus, forms and sections open`, async ({
    page,
    browser,
    baseURL,
  }) => {
    test.slow() // some thirty pages, each scanned whole
    await signInAsAdmin(page)
    const seeded = await seed(page)
    await inLanguage(page, locale)

    const pages: [string, string][] = [
      ['postmortems', '/postmortems'],
      ['a postmortem', seeded.readUrl],
      ['its history', `${seeded.readUrl}/history`],
      ['a new postmortem', '/postmortems/new'],
      ['search', `/search?q=${encodeURIComponent('充值回调')}`],
      ['launches', '/launches'],
      ['a new launch', '/launches/new'],
      ['checklists', '/checklists'],
      ['insights', '/insights'],
      ['my work', '/my-work'],
      ['imports', '/imports'],
      ['settings', '/settings'],
      ['users', '/settings/users'],
      ['tokens', '/settings/tokens'],
      ['audit log', '/settings/audit'],
    ]
    for (const [name, url] of pages) {
      await page.goto(url)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await expectNoAxeViolations(page, `${locale} ${name} (${url})`)
    }

    // Insights with drafts counted: the seeded postmortem in every figure.
    await page.goto('/insights?scope=all')
    await expect(page.getByRole('row', { name: /\d{4}/ }).first()).toBeVisible()
    await expectNoAxeViolations(page, `${locale} insights, drafts counted`)

    // A checklist template, when there is one.
    await page.goto('/checklists')
    const template = page.getByRole('main').locator('a[href^="/checklists/"]').first()
    if (await template.count()) {
      await template.click()
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await expectNoAxeViolations(page, `${locale} a checklist template`)
    }

    // The editor, with a Markdown preview open.
    await page.goto(seeded.editUrl)
    await expectSaved(page)
    await page.locator('main [role=group] button[aria-pressed]').nth(1).click()
    await expectNoAxeViolations(page, `${locale} the editor, with a preview`)

    // A launch review with every section open.
    await page.goto(seeded.launchUrl)
    await openEverySection(page)
    await expectNoAxeViolations(page, `${locale} a launch review, sections open`)

    // The language menu and the Ctrl/Cmd-K palette with results, open.
    await page.goto('/postmortems')
    await page.getByRole('button', { name: locale === 'en' ? /^Language/ : /^语言/ }).click()
    await expect(page.getByRole('menu')).toBeVisible()
    await expectNoAxeViolations(page, `${locale} the language menu`)
    await page.keyboard.press('Escape')
    await page.keyboard.press('Control+k')
    const palette = page.getByRole('dialog')
    await palette.getByRole('combobox').fill(seeded.title)
    await expect(palette.getByRole('option', { name: new RegExp(seeded.title) })).toBeVisible()
    await expectNoAxeViolations(page, `${locale} the search palette`)

    await signInRefused(browser, locale, baseURL!)
  })
}
