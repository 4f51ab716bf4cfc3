import { mkdirSync } from 'node:fs'
import type { Browser, Page, TestInfo } from '@playwright/test'
import { addUser, admin, expect, expectSaved, newPostmortem, signInAsAdmin, test } from './fixtures'

// A phone (iPhone 12–15 size) and a laptop; the screenshots are artifacts to look at.
const phone = { width: 390, height: 844 }
const laptop = { width: 1280, height: 800 }
const shots = 'mobile'

/** Someone whose e-mail address is long, as real company ones are. */
const longEmail = {
  name: '张伟 Zhang Wei',
  email: 'zhang.wei.platform-reliability@engineering.example.com',
  password: 'mobile password 1',
}
const launchName = 'Mobile review (e2e) · 移动端检查'
const postmortemTitle = 'Phone layout (e2e) · 手机布局'
const longCheck =
  '在生产规模的数据上执行初始化脚本，确认查询用到的字段都有索引 (verify every index on production-size data)'

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  // Nobody looks at a CI run's artifacts, and full-page shots are a third of this spec's time.
  if (process.env.CI) return
  // Beside this run's other results (npm test gives each database's run a folder of its own).
  const dir = `${testInfo.project.outputDir}/${shots}`
  mkdirSync(dir, { recursive: true })
  const path = `${dir}/${name}.png`
  await page.screenshot({ path, fullPage: true })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

async function noSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }))
  expect(scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(innerWidth)
}

/** The element showing `email` is at least about 8 characters wide (not one broken every few letters). */
async function emailReadable(page: Page, email: string) {
  const cell = page.getByRole('main').getByText(email, { exact: true }).first()
  await expect(cell).toBeVisible()
  const { width, charWidth } = await cell.evaluate((el) => {
    const probe = document.createElement('span')
    probe.textContent = 'abcdefgh'
    probe.style.visibility = 'hidden'
    el.appendChild(probe)
    const charWidth = probe.getBoundingClientRect().width
    probe.remove()
    return { width: el.getBoundingClientRect().width, charWidth }
  })
  expect(width, `${email} is squeezed`).toBeGreaterThanOrEqual(charWidth)
}

/** The first chart's labels are drawn at least 8 px tall (a wide chart scrolls rather than shrink). */
async function chartReadable(page: Page) {
  const label = page.getByRole('main').locator('figure svg text').first()
  await expect(label).toBeVisible()
  const { height } = (await label.boundingBox())!
  expect(height, `${page.url()}: the chart's labels are too small to read`).toBeGreaterThanOrEqual(8)
}

/** A check's text takes the card's width: its status does not stand beside it in a column of its own. */
async function checkTextFullWidth(page: Page, text: string) {
  const card = page.getByRole('listitem', { name: text })
  const ratio = await card.evaluate((li) => {
    const title = li.querySelector('p')!
    const style = getComputedStyle(li)
    const inner = li.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
    return title.getBoundingClientRect().width / inner
  })
  expect(ratio, `the check "${text}" is squeezed`).toBeGreaterThanOrEqual(0.95)
}

/** Demo data when the list is empty (a fresh database), a long e-mail, a token and a launch with checks. */
async function seed(page: Page) {
  // Rows are cards at this width, so the person is looked up by their e-mail's text, not a table row.
  await signInAsAdmin(page)
  await page.goto('/settings/users')
  if (!(await page.getByRole('main').getByText(longEmail.email, { exact: true }).count()))
    await addUser(page, longEmail, 'Editor')
  await page.goto('/postmortems')
  const demo = page.getByRole('button', { name: 'Load the demo' })
  if (await demo.isVisible()) {
    await demo.click()
    await expect(page).toHaveURL(/\/launches\//, { timeout: 120_000 })
  }
  await page.goto('/settings/tokens')
  if (!(await page.getByText('Mobile check token').count())) {
    await page.getByLabel('Name').fill('Mobile check token')
    await page.getByRole('button', { name: 'Create token' }).click()
    await expect(page.getByTestId('new-token')).toBeVisible()
  }
  await page.goto('/launches')
  const existing = page.getByRole('link', { name: launchName })
  if (await existing.count()) {
    await existing.first().click()
  } else {
    await page.goto('/launches/new')
    await page.getByLabel('Name').fill(launchName)
    await page.getByRole('button', { name: 'Create launch' }).click()
    await expect(page.getByRole('heading', { level: 1, name: launchName })).toBeVisible()
    await page.getByLabel('Check', { exact: true }).fill(longCheck)
    await page.getByRole('button', { name: 'Add ad-hoc check' }).click()
    await expect(page.getByRole('list', { name: 'Checks' }).getByText(longCheck)).toBeVisible()
  }
  await expect(page).toHaveURL(/\/launches\/[^/]+$/)
  const launchUrl = new URL(page.url()).pathname
  // A history with two versions: a postmortem of this spec's own, published, then edited once more.
  await page.goto('/postmortems')
  const own = page.getByRole('main').getByRole('link', { name: postmortemTitle })
  let postmortemUrl: string
  if (await own.count()) {
    postmortemUrl = new URL(await own.first().evaluate((a) => (a as HTMLAnchorElement).href)).pathname
  } else {
    postmortemUrl = new URL(await newPostmortem(page, postmortemTitle)).pathname.replace(/\/edit$/, '')
    await page
      .getByLabel('Symptom')
      .fill('手机上导航占了三分之一屏幕 (the navigation filled a third of a phone screen)')
    await page
      .getByRole('textbox', { name: 'Root cause', exact: true })
      .fill('侧边栏没有窄屏布局 (no narrow layout)')
    await expectSaved(page)
    await page.getByRole('button', { name: 'Submit for review' }).click()
    await expect(page.getByText('In review', { exact: true })).toBeVisible()
    await page.goto(postmortemUrl)
    await page.getByRole('region', { name: 'Review' }).getByRole('button', { name: 'Publish' }).click()
    await expect(page.getByText('Published', { exact: true })).toBeVisible()
    await page.goto(`${postmortemUrl}/edit`)
    await page
      .getByRole('textbox', { name: 'Root cause', exact: true })
      .fill('侧边栏在 390 像素宽时没有折叠成菜单 (no menu below md)')
    await expectSaved(page)
    // An edit of a published postmortem is its next version until it is published.
    await page.getByRole('button', { name: 'Publish changes' }).click()
    await expect(page.getByText('Changes published: readers see them now.')).toBeVisible()
  }
  const historyUrl = `${postmortemUrl}/history`
  return { launchUrl, historyUrl }
}

async function signedIn(browser: Browser, locale: 'en' | 'zh-CN', viewport = phone) {
  const context = await browser.newContext({ viewport, locale: 'en-US' })
  const page = await context.newPage()
  await signInAsAdmin(page)
  if (locale === 'zh-CN') {
    await context.addCookies([{ name: 'NEXT_LOCALE', value: 'zh-CN', url: page.url() }])
  }
  return { context, page }
}

test.describe('[MOBILE]', () => {
  test.use({ viewport: phone })

  test('[MOBILE]: the navigation is a menu opened and left with the keyboard', async ({ page }, testInfo) => {
    await signInAsAdmin(page)
    const nav = page.getByRole('navigation', { name: 'Main navigation' })
    const menu = page.getByRole('button', { name: 'Menu' })
    await expect(nav).toBeHidden()
    await expect(menu).toHaveAttribute('aria-expanded', 'false')
    // The bar with the menu button is all the shell takes: the page's heading follows at once.
    const heading = page.getByRole('heading', { name: 'Postmortems', level: 1 })
    expect((await heading.boundingBox())!.y).toBeLessThan(150)

    await menu.focus()
    await page.keyboard.press('Enter')
    await expect(menu).toHaveAttribute('aria-expanded', 'true')
    await expect(nav).toBeVisible()
    await expect(page.locator(`[id="${await menu.getAttribute('aria-controls')}"]`)).toBeVisible()
    await shoot(page, testInfo, 'menu-en-390')

    // Esc closes it and gives the focus back to the button.
    await page.keyboard.press('Tab')
    await page.keyboard.press('Escape')
    await expect(nav).toBeHidden()
    await expect(menu).toBeFocused()

    // Open again, tab to Settings and follow it: the next page starts with its content.
    await page.keyboard.press('Space')
    await expect(nav).toBeVisible()
    const settings = nav.getByRole('link', { name: 'Settings' })
    for (let i = 0; i < 12 && !(await settings.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Tab')
    await expect(settings).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
    await expect(nav).toBeHidden()
    await expect(menu).toHaveAttribute('aria-expanded', 'false')
  })

  test('[MOBILE]: filters fold away and every table reads at 390 px in both languages', async ({
    browser,
    page,
  }, testInfo) => {
    test.setTimeout(540_000)
    const { launchUrl, historyUrl } = await seed(page)

    for (const locale of ['en', 'zh-CN'] as const) {
      const { context, page: phonePage } = await signedIn(browser, locale)
      const p = phonePage

      // The first postmortem is on the first screen: the filters wait behind a button.
      await p.goto('/postmortems')
      const firstPostmortem = p.locator('main ul a[href^="/postmortems/"]').first()
      await expect(firstPostmortem).toBeVisible()
      expect((await firstPostmortem.boundingBox())!.y).toBeLessThan(phone.height)
      const filters = p.getByRole('button', { name: locale === 'en' ? /^Filters/ : /^筛选/ })
      await expect(filters).toHaveAttribute('aria-expanded', 'false')
      await noSidewaysScroll(p)
      await shoot(p, testInfo, `postmortems-${locale}-390`)
      await filters.click()
      await expect(filters).toHaveAttribute('aria-expanded', 'true')
      await expect(p.getByRole('combobox').first()).toBeVisible()
      await shoot(p, testInfo, `postmortems-filters-${locale}-390`)

      // This spec's own postmortem says 导航 (navigation): found whatever else the database holds.
      await p.goto(`/search?q=${encodeURIComponent('导航')}`)
      await expect(p.locator('main ol a[href^="/postmortems/"]').first()).toBeInViewport()
      await noSidewaysScroll(p)
      await shoot(p, testInfo, `search-${locale}-390`)

      for (const [name, url] of [
        ['users', '/settings/users'],
        ['tokens', '/settings/tokens'],
        ['audit', '/settings/audit'],
        ['history', historyUrl],
        // Its sections below the first screen are not drawn yet (content-visibility).
        ['editor', historyUrl.replace(/\/history$/, '/edit')],
        ['launch', launchUrl],
        ['insights', '/insights'],
      ] as const) {
        await p.goto(url)
        await expect(p.getByRole('heading', { level: 1 })).toBeVisible()
        await noSidewaysScroll(p)
        if (name === 'users') await emailReadable(p, longEmail.email)
        if (name === 'audit') await emailReadable(p, admin.email)
        if (name === 'launch') await checkTextFullWidth(p, longCheck)
        if (name === 'insights') await chartReadable(p)
        await shoot(p, testInfo, `${name}-${locale}-390`)
      }

      // The same pages on a laptop, for the eye: nothing of the above should have changed them.
      await p.setViewportSize(laptop)
      for (const [name, url] of [
        ['postmortems', '/postmortems'],
        ['search', `/search?q=${encodeURIComponent('导航')}`],
        ['users', '/settings/users'],
        ['tokens', '/settings/tokens'],
        ['audit', '/settings/audit'],
        ['history', historyUrl],
        ['launch', launchUrl],
        ['insights', '/insights'],
      ] as const) {
        await p.goto(url)
        await expect(p.getByRole('heading', { level: 1 })).toBeVisible()
        await noSidewaysScroll(p)
        await shoot(p, testInfo, `${name}-${locale}-1280`)
      }
      await context.close()
    }
  })
})
