import type { NextConfig } from 'next'
import createNextIntlPlugin from 'next-intl/plugin'

const withNextIntl = createNextIntlPlugin({
  requestConfig: './src/i18n/request.ts',
  experimental: {
    // The catalogues are compiled at build time: a request formats messages without parsing
    // them again (next-intl parsed every message a page used on every request).
    messages: { path: './src/i18n/messages', format: 'json', locales: 'infer', precompile: true },
  },
})

/** npm test's build: its own stage type-checks the whole project (npm run check), in parallel. */
const testBuild = process.env.HINDSIGHT_TEST_BUILD === '1'

const nextConfig: NextConfig = {
  // Turbopack cannot bundle these (WebAssembly / native code): load them from node_modules.
  serverExternalPackages: [
    '@electric-sql/pglite',
    'pglite-prisma-adapter',
    '@node-rs/jieba',
    '@prisma/schema-engine-wasm',
    // Its optional native helpers (bufferutil, utf-8-validate) are not installed.
    'ws',
    // One copy of Yjs in the server: the socket's rooms and the routes share documents, and
    // Yjs tells its types apart by constructor (two bundled copies break that).
    'yjs',
    'y-protocols',
    'lib0',
  ],
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: testBuild },
  typedRoutes: true,
  experimental: {
    // A CI clone builds once: writing Turbopack's cache for the next build costs it ~20 s.
    turbopackFileSystemCacheForBuild: !process.env.CI,
    // proxy.ts answers a larger body 413 first (Next would 500): src/lib/server-action-guard.ts.
    serverActions: { bodySizeLimit: '1mb' },
    // forbidden() renders app/forbidden.tsx with a 403 for a role that may not do something.
    authInterrupts: true,
  },
}

export default withNextIntl(nextConfig)
