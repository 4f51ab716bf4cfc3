import { chromium } from '@playwright/test'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
const context = await browser.newContext({ baseURL: 'http://localhost:3400' })
const page = await context.newPage()
await page.goto('/setup')
await page.locator('input[name=name]').fill('A')
await page.locator('input[name=email]').fill('a@example.com')
await page.locator('input[name=password]').fill('password1')
await page.locator('button[type=submit]').click()
await page.waitForURL('**/postmortems')
console.log(JSON.stringify(await context.cookies()))
for (const u of ['/api/v1/postmortems/1', '/api/auth/get-session']) {
  const r = await page.request.get(u)
  console.log(u, r.status(), (await r.text()).slice(0, 200))
}
await browser.close()
