// One simulated author of the load test: signs in over HTTP like a browser and autosaves
// whole documents with the version they were based on, as the editor does.
import http from 'node:http'

export type Save = {
  author: number
  number: number
  baseVersion: number
  status: number
  /** The version the server gave an accepted save. */
  version?: number
  /** On 409: the current version the answer carried. */
  current?: number
  impact: string
  ms: number
}

type Known = { version: number; document: Record<string, unknown> }

type Answer = { status: number; body: string; cookies: string[] }

/**
 * One request on a connection of its own (no keep-alive): a pooled connection that the
 * server closes while idle would fail the next request with ECONNRESET, a race of the test
 * client (which could not tell whether its save arrived), not of the app.
 */
function send(
  url: string,
  {
    method = 'GET',
    headers = {},
    body,
  }: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          cookies: response.headers['set-cookie'] ?? [],
        }),
      )
      response.on('error', reject)
    })
    request.on('error', reject)
    request.end(body)
  })
}

export async function signIn(
  baseURL: string,
  email: string,
  password: string,
  address: string,
): Promise<string> {
  const response = await send(`${baseURL}/api/auth/sign-in/email`, {
    method: 'POST',
    // Each author is another machine behind the proxy: sign-in limits are per address.
    headers: { 'content-type': 'application/json', origin: baseURL, 'x-forwarded-for': address },
    body: JSON.stringify({ email, password }),
  })
  if (response.status !== 200)
    throw new Error(`sign-in of ${email}: HTTP ${response.status} ${response.body}`)
  const cookies = response.cookies.map((c) => c.split(';')[0])
  if (!cookies.length) throw new Error(`sign-in of ${email}: no session cookie`)
  return cookies.join('; ')
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Saves until `deadline`: picks a postmortem (mostly its own, sometimes another), types,
 * saves on top of the version it knows; on 409 takes the current version from the answer
 * and carries on (as after the merge view). Returns every save it made.
 */
export async function runAuthor({
  baseURL,
  author,
  cookie,
  numbers,
  deadline,
}: {
  baseURL: string
  author: number
  cookie: string
  numbers: number[]
  deadline: number
}): Promise<Save[]> {
  const saves: Save[] = []
  const known = new Map<number, Known>()
  const headers = { cookie, 'content-type': 'application/json', origin: baseURL }
  let k = 0
  while (Date.now() < deadline) {
    const number = Math.random() < 0.8 ? numbers[author % numbers.length]! : numbers[k % numbers.length]!
    k++
    let base = known.get(number)
    if (!base) {
      const response = await send(`${baseURL}/api/v1/postmortems/${number}`, { headers })
      if (response.status !== 200) throw new Error(`GET PM-${number}: HTTP ${response.status}`)
      const body = JSON.parse(response.body) as Known
      base = { version: body.version, document: body.document }
      known.set(number, base)
    }
    const impact = `author ${author} · save ${k} · ${Math.random().toString(36).slice(2, 8)} · 第${k}次`
    const document = { ...base.document, impact }
    const started = performance.now()
    // A network error is recorded as status 0: the checker counts it as a failure.
    const response = await send(`${baseURL}/api/v1/postmortems/${number}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ baseVersion: base.version, document }),
    }).catch((): Answer => ({ status: 0, body: '', cookies: [] }))
    const ms = performance.now() - started
    let body: { version?: number; error?: { code?: string; current?: Known } } = {}
    try {
      body = JSON.parse(response.body) as typeof body
    } catch {
      // not JSON: counted by its status
    }
    saves.push({
      author,
      number,
      baseVersion: base.version,
      status: response.status,
      version: body.version,
      current: body.error?.current?.version,
      impact,
      ms,
    })
    if (response.status === 200) known.set(number, { version: body.version!, document })
    else if (response.status === 409 && body.error?.current)
      known.set(number, { version: body.error.current.version, document: body.error.current.document })
    else known.delete(number)
    await pause(100 + Math.random() * 300) // typing between autosaves
  }
  return saves
}
