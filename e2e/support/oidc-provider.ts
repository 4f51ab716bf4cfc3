// An OpenID Connect provider for e2e/sso.spec.ts (playwright.config.ts starts it before the
// app): the `oidc-provider` package with its development login pages, where any password
// signs in as the login typed. Claims come from that login: `ada@example.com` has that
// e-mail; `kim+hindsight-admins@example.com` also has `groups: ['hindsight-admins']`.
import { createServer } from 'node:http'
// @ts-expect-error -- oidc-provider ships no type declarations.
import Provider from 'oidc-provider'

const port = Number(process.env.OIDC_PORT ?? 3120)
const issuer = `http://localhost:${port}`
const appURL = process.env.APP_URL ?? 'http://localhost:3100'

type Context = {
  oidc: {
    client: { clientId: string }
    session: { accountId: string; grantIdFor(clientId: string): string | undefined }
    result?: { consent?: { grantId?: string } }
    provider: { Grant: GrantClass }
  }
}
type Grant = { addOIDCScope(scope: string): void; save(): Promise<string> }
type GrantClass = {
  new (init: { clientId: string; accountId: string }): Grant
  find(id: string): Promise<Grant>
}

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'hindsight-e2e',
      client_secret: 'hindsight-e2e-secret',
      redirect_uris: [`${appURL}/api/auth/callback/company`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    },
  ],
  scopes: ['openid', 'email', 'profile', 'groups'],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
  cookies: { keys: ['e2e-only-not-a-secret'] },
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  async findAccount(_ctx: unknown, id: string) {
    const [local = '', domain = ''] = id.split('@')
    const [name = local, group] = local.split('+')
    return {
      accountId: id,
      claims: async () => ({
        sub: id,
        email: id,
        email_verified: true,
        name: `${name} (${domain})`,
        ...(group ? { groups: [group] } : {}),
      }),
    }
  },
  // A first-party client: no consent page (the company's own apps rarely ask).
  async loadExistingGrant(ctx: Context) {
    const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId)
    if (grantId) return ctx.oidc.provider.Grant.find(grantId)
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    })
    grant.addOIDCScope('openid email profile groups')
    await grant.save()
    return grant
  },
})

const server = createServer(provider.callback())
server.listen(port, () => console.log(`OpenID provider for e2e at ${issuer}`))
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => server.close(() => process.exit(0)))
