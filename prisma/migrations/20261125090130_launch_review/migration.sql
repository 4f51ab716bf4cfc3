-- AlterEnum: READY is computed from the checklist (readiness), not a stored status.
BEGIN;
CREATE TYPE "LaunchStatus_new" AS ENUM ('PLANNED', 'IN_REVIEW', 'LAUNCHED', 'CANCELLED');
ALTER TABLE "public"."Launch" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "Launch" ALTER COLUMN "status" TYPE "LaunchStatus_new" USING (CASE WHEN "status"::text = 'READY' THEN 'IN_REVIEW' ELSE "status"::text END::"LaunchStatus_new");
ALTER TYPE "LaunchStatus" RENAME TO "LaunchStatus_old";
ALTER TYPE "LaunchStatus_new" RENAME TO "LaunchStatus";
DROP TYPE "public"."LaunchStatus_old";
ALTER TABLE "Launch" ALTER COLUMN "status" SET DEFAULT 'PLANNED';
COMMIT;

-- AlterTable
ALTER TABLE "Launch" ADD COLUMN     "overrideById" TEXT;

-- AddForeignKey
ALTER TABLE "Launch" ADD CONSTRAINT "Launch_overrideById_fkey" FOREIGN KEY ("overrideById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
