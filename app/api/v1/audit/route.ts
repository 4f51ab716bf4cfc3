import { domainError, invalidQuery, jsonError, otherMethods, withActor } from '@/lib/api'
import { auditEventsToCsv, auditEventsToJson } from '@/server/audit/export-audit-events'
import { findAuditEvents } from '@/server/audit/find-audit-events'
import { auditFilterInput } from '@/server/audit/schemas'

// GET /api/v1/audit?format=csv|json&action=&who=&from=YYYY-MM-DD&to=YYYY-MM-DD - the audit log
// (admins only; API tokens read as viewers and are refused), newest first, as a download.
export async function GET(request: Request) {
  return withActor(request, 'ADMIN', async ({ actor }) => {
    const params = new URL(request.url).searchParams
    const format = params.get('format') ?? 'json'
    if (format !== 'csv' && format !== 'json')
      return jsonError('INVALID_INPUT', { message: 'format must be csv or json.' })
    const filter = auditFilterInput.safeParse(Object.fromEntries(params))
    if (!filter.success) return invalidQuery(filter.error)
    const result = await findAuditEvents({ actor, filter: filter.data, all: true })
    if (!result.ok) return domainError(result.error)
    const day = new Date().toISOString().slice(0, 10)
    return new Response(
      format === 'csv' ? auditEventsToCsv(result.data.events) : auditEventsToJson(result.data.events),
      {
        headers: {
          'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
          'content-disposition': `attachment; filename="hindsight-audit-${day}.${format}"`,
          'cache-control': 'no-store',
        },
      },
    )
  })
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET')
