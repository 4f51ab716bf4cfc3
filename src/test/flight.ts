import { createRequire } from 'node:module'
import { AsyncLocalStorage } from 'node:async_hooks'
import { PassThrough, type Readable } from 'node:stream'
import type { ReactNode } from 'react'
import { renderToString } from 'react-dom/server'

/**
 * Renders a server-component tree the way `next start` does: React's server renderer
 * (the one Next bundles) writes the RSC payload, React's client reads it back, and
 * react-dom turns it into HTML. Errors that only the RSC payload can cause (such as
 * "Invalid reference" when one object appears twice) surface here, unlike with
 * renderToString alone.
 */
const require = createRequire(import.meta.url)

type FlightServer = {
  renderToPipeableStream: (
    model: ReactNode,
    manifest: object,
    options: { onError: (error: unknown) => void },
  ) => { pipe: (destination: NodeJS.WritableStream) => void }
}
type FlightClient = {
  createFromNodeStream: (stream: Readable, manifest: object) => PromiseLike<ReactNode>
}

function flightServer(): FlightServer {
  const global = globalThis as { AsyncLocalStorage?: unknown }
  global.AsyncLocalStorage ??= AsyncLocalStorage
  const runtime = require('next/dist/compiled/next-server/app-page.runtime.prod.js') as {
    vendored: { 'react-rsc': { ReactServerDOMWebpackServer: FlightServer } }
  }
  return runtime.vendored['react-rsc'].ReactServerDOMWebpackServer
}

export async function renderThroughFlight(tree: ReactNode): Promise<string> {
  const server = flightServer()
  const client = require('next/dist/compiled/react-server-dom-webpack/client.node') as FlightClient
  const errors: unknown[] = []
  const payload = new PassThrough()
  server.renderToPipeableStream(tree, {}, { onError: (error) => errors.push(error) }).pipe(payload)
  const model = await client.createFromNodeStream(payload, {
    moduleMap: {},
    serverModuleMap: {},
    moduleLoading: null,
  })
  if (errors.length > 0) throw errors[0]
  return renderToString(model)
}
