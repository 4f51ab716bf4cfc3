/*
 * The request limits of the end-to-end server (playwright.config.ts hands them to it as the
 * environment src/server/env.ts reads). Small, so that a spec reaches a limit in a few
 * requests; windows long, so that none ends while a spec runs, however slow the machine.
 * Every test signs in from an address of its own (fixtures.ts), so specs never share a count.
 */
export const e2eLimits = {
  API_TOKEN_LIMIT: 10,
  API_TOKEN_LIMIT_WINDOW_SECONDS: 3600,
  SIGN_IN_LIMIT_PER_ACCOUNT: 3,
  SIGN_IN_LIMIT_PER_ADDRESS: 8,
  SIGN_IN_LIMIT_WINDOW_SECONDS: 1800,
}

export const e2eLimitsEnv = Object.fromEntries(
  Object.entries(e2eLimits).map(([name, value]) => [name, String(value)]),
)
