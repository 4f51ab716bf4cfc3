import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { defineConfig, devices } from '@playwright/test'
import { e2eLimitsEnv } from './e2e/support/limits'
import { shareOut } from './scripts/lib/share-out'

// npm test hands every run free ports (E2E_PORT: the app; +11, +12, +20 are free too).
const port = process.env.E2E_PORT ?? '3100'
const baseURL = `http://localhost:${port}`
const oidcPort = String(Number(port) + 20)
const oidcIssuer = `http://localhost:${oidcPort}`
// The app mails through e2e/support/smtp-capture.ts; tests read what it got over HTTP.
const smtpPort = String(Number(port) + 21)
const smtpCaptureUrl = `http://127.0.0.1:${Number(port) + 22}/messages`

/*
 * E2E_PART=k/n: this run takes the k-th of n shares of the spec files. npm test on several
 * databases gives each one share, so that every flow runs once, on one of them (decision 017).
 * Shared out by size, the largest first, each to the lightest share: a fair stand-in for time.
 * The hostile spec, which runs after every other of its run, belongs to the last share.
 */
const HOSTILE = 'hostile-actions.spec.ts'
const E2E_DIR = path.join(__dirname, 'e2e')
function otherShares(part: string | undefined) {
  const match = /^(\d+)\/(\d+)$/.exec(part ?? '1/1')
  const [k, n] = match ? [Number(match[1]), Number(match[2])] : [0, 0]
  if (!(k >= 1 && k <= n)) throw new Error(`E2E_PART: "${part}" is not k/n with 1 ≤ k ≤ n`)
  const size = (file: string) => statSync(path.join(E2E_DIR, file)).size
  const specs = readdirSync(E2E_DIR).filter((file) => file.endsWith('.spec.ts') && file !== HOSTILE)
  const loads = Array.from({ length: n }, (_, i) => (i === n - 1 ? size(HOSTILE) : 0))
  const share = shareOut(specs, loads, size)
  const elsewhere = specs.filter((spec) => share.get(spec) !== k - 1).map((spec) => `**/${spec}`)
  return { elsewhere, hostile: k === n }
}
const share = otherShares(process.env.E2E_PART)

// Playwright cannot download its browser here: use Debian's Chromium where it exists, its
// headless shell first (a quarter less CPU than the full browser for the same run).
const systemChromium = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((file) =>
  existsSync(file),
)
const launchOptions = systemChromium
  ? {
      executablePath: systemChromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    }
  : {}

export default defineConfig({
  testDir: './e2e',
  // The database-outage test has its own config (playwright.outage.config.ts).
  testIgnore: 'outage/**',
  outputDir: 'test-results/e2e',
  // Every test makes its own data and starts from the admin session the setup project stores, so
  // tests run in any order, side by side (a file marked serial tells one story in order). Two
  // workers: the flows mostly wait on the browser and the server (E2E_WORKERS to change).
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS) || 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  // Bounds on a hang, not speeds: npm test runs the suite on both databases side by side and
  // beside Vitest on 2 cores, where a step can take several times as long as on a quiet machine.
  timeout: 300_000,
  expect: { timeout: 30_000 },
  // A trace records a screencast of every test as it runs, to keep the failing ones: on CI's two
  // cores that was over a third of the browser tests' CPU (a sample of three flows: 243 → 156 CPU
  // seconds), and nobody opens CI's artifacts. The failure's screenshot and message remain.
  use: {
    baseURL,
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'en-US',
  },
  projects: [
    {
      name: 'setup',
      testMatch: /first-run\.setup\.ts/,
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    {
      name: 'chromium',
      dependencies: ['setup'],
      // A project's testIgnore replaces the config's: keep the outage spec out here too.
      testIgnore: ['outage/**', `**/${HOSTILE}`, ...share.elsewhere],
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    // Writes junk and fails sign-ins on purpose: after every other spec.
    {
      name: 'hostile',
      dependencies: ['chromium'],
      testMatch: `**/${HOSTILE}`,
      testIgnore: share.hostile ? [] : `**/${HOSTILE}`,
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
  ],
  webServer: [
    {
      command: 'npx tsx e2e/support/smtp-capture.ts',
      url: smtpCaptureUrl,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: { SMTP_CAPTURE_PORT: smtpPort, SMTP_CAPTURE_HTTP_PORT: String(Number(port) + 22) },
    },
    // e2e/sso.spec.ts signs in through this OpenID provider; the app reads its discovery at start.
    {
      command: 'npx tsx e2e/support/oidc-provider.ts',
      url: `${oidcIssuer}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: { OIDC_PORT: oidcPort, APP_URL: baseURL },
    },
    {
      command: 'npx tsx scripts/e2e-server.ts',
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      // SIGTERM first, so that the server script drops its database.
      gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 },
      timeout: 240_000,
      stdout: 'pipe',
      // e2e/security-headers.spec.ts serves outside images on port+11 (not allowed) and port+12 (allowed).
      env: {
        E2E_PORT: port,
        // This runner: the server script stops when it is gone (scripts/e2e-server.ts).
        E2E_RUNNER_PID: String(process.pid),
        // Small limits (e2e/support/limits.ts); each test is a client of its own behind this
        // host, named in X-Forwarded-For (e2e/fixtures.ts), so tests never share a count.
        ...e2eLimitsEnv,
        TRUSTED_PROXIES: 'loopback',
        IMAGE_HOSTS: `localhost:${Number(port) + 12}`,
        // e2e/webhooks.spec.ts starts its webhook receiver on 127.0.0.1 (decision 022: SSRF).
        WEBHOOK_ALLOW_PRIVATE: '1',
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}?ignoreTLS=true`,
        // The overdue sweep every 2 s instead of every 10 minutes.
        NOTIFY_SWEEP_MS: '2000',
        SSO_ISSUER: oidcIssuer,
        SSO_CLIENT_ID: 'hindsight-e2e',
        SSO_CLIENT_SECRET: 'hindsight-e2e-secret',
        SSO_PROVIDER_NAME: 'Example ID',
        SSO_SCOPES: 'openid email profile groups',
        SSO_ALLOWED_DOMAINS: 'example.com',
        SSO_DEFAULT_ROLE: 'VIEWER',
        SSO_ROLE_CLAIM: 'groups',
        SSO_ROLE_MAP: 'hindsight-admins=ADMIN,hindsight-editors=EDITOR',
      },
    },
  ],
})
