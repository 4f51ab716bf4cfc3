// npm run screenshots [-- --base http://localhost:3000 --out screenshots]
// Signs in (running first-run setup on an empty database) and captures every page in en and zh-CN.
import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { chromium, type Page } from '@playwright/test'

const { values } = parseArgs({
  options: {
    base: { type: 'string', default: 'http://localhost:3000' },
    out: { type: 'string', default: 'screenshots' },
    email: { type: 'string', default: 'screens@example.com' },
    password: { type: 'string', default: 'screens-password' },
  },
})
const out = path.resolve(values.out)
mkdirSync(out, { recursive: true })

const pages = [
  '/postmortems',
  '/search',
  '/launches',
  '/checklists',
  '/settings',
  '/settings/users',
  '/nowhere',
]

async function shoot(page: Page, name: string) {
  await page.waitForLoadState('networkidle')
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true })
  console.log(`  ${name}.png`)
}

async function main() {
  const browser = await chromium.launch(
    existsSync('/usr/bin/chromium')
      ? {
          executablePath: '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
        }
      : {},
  )
  for (const locale of ['en', 'zh-CN'] as const) {
    for (const [device, viewport] of [
      ['desktop', { width: 1280, height: 800 }],
      ['mobile', { width: 390, height: 844 }],
    ] as const) {
      const context = await browser.newContext({ locale, viewport, baseURL: values.base })
      const page = await context.newPage()
      const tag = `${locale}-${device}`
      await page.goto('/sign-in')
      if (page.url().endsWith('/setup')) {
        await shoot(page, `${tag}-setup`)
        await page.locator('input[name=name]').fill('Screens Admin')
        await page.locator('input[name=email]').fill(values.email)
        await page.locator('input[name=password]').fill(values.password)
        await page.locator('button[type=submit]').click()
        await page.waitForURL('**/postmortems')
        await context.clearCookies()
        await page.goto('/sign-in')
      }
      await page.locator('button[type=submit]').click()
      await shoot(page, `${tag}-sign-in-errors`)
      await page.locator('input[name=email]').fill(values.email)
      await page.locator('input[name=password]').fill(values.password)
      await page.locator('button[type=submit]').click()
      await page.waitForURL('**/postmortems')
      for (const route of pages) {
        await page.goto(route)
        await shoot(page, `${tag}${route.replaceAll('/', '-')}`)
      }
      await context.close()
    }
  }
  await browser.close()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
