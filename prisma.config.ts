import { defineConfig } from 'prisma/config'

// Used by `prisma generate` / `validate` / `format`. Migrations run offline through
// scripts/db.ts (see docs/decisions/001-offline-migrations.md); `prisma migrate deploy`
// also works with this layout wherever Prisma's native engine can be installed.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/unused' },
})
