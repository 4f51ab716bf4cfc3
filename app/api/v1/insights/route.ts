import { domainError, invalidQuery, jsonError, otherMethods, withActor } from '@/lib/api'
import type { Answer } from '@/lib/api-client'
import { getInsights } from '@/server/insights/get-insights'
import { insightsToCsv } from '@/server/insights/insights-csv'
import { insightFormats, insightsInput } from '@/server/insights/schemas'

/** Every figure of the insights page (durations in seconds, times in UTC ISO). */
export type InsightsApiResponse = Answer<typeof getInsights>

// GET /api/v1/insights?from=&to=&service=&tag=&factor=&severity=&launch=&scope=published|all&format=json|csv
// - the insights figures over the postmortems the filters select; a bad filter is refused (422), not dropped.
export async function GET(request: Request) {
  return withActor(request, 'VIEWER', async ({ actor }) => {
    const { format = 'json', ...params } = Object.fromEntries(new URL(request.url).searchParams)
    if (!(insightFormats as readonly string[]).includes(format))
      return jsonError('INVALID_INPUT', {
        message: 'format must be json or csv.',
        fields: { format: 'invalidChoice' },
      })
    const parsed = insightsInput.safeParse(params)
    if (!parsed.success) {
      const refused = parsed.error.issues.map((i) => `${i.path.join('.')} (${i.message})`)
      return invalidQuery(parsed.error, { message: `Invalid filter: ${refused.join(', ')}.` })
    }
    const result = await getInsights({ actor, input: parsed.data })
    if (!result.ok) return domainError(result.error)
    if (format === 'csv') {
      const day = result.data.generatedAt.toISOString().slice(0, 10)
      return new Response(insightsToCsv(result.data), {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="hindsight-insights-${day}.csv"`,
          'cache-control': 'no-store',
        },
      })
    }
    return Response.json(result.data, { headers: { 'cache-control': 'no-store' } })
  })
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET')
