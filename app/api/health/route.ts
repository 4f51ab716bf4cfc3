import { checkDatabase } from '@/server/health/check-database'

export const dynamic = 'force-dynamic'

// GET /api/health - 200 when the database answers, 503 when it does not. No session needed.
export async function GET() {
  const database = await checkDatabase()
  return Response.json(
    { status: database.up ? 'ok' : 'unavailable', database },
    { status: database.up ? 200 : 503, headers: { 'cache-control': 'no-store' } },
  )
}
