-- AlterTable
ALTER TABLE "ActionItem" ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "closedById" TEXT,
ADD COLUMN     "evidenceAfter" TEXT,
ADD COLUMN     "evidenceBefore" TEXT,
ADD COLUMN     "evidenceLink" TEXT,
ADD COLUMN     "wontDoReason" TEXT;

-- CreateTable
CREATE TABLE "DuePolicy" (
    "severity" "Severity" NOT NULL,
    "dueDays" INTEGER,
    "evidenceRequired" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "DuePolicy_pkey" PRIMARY KEY ("severity")
);

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DuePolicy" ADD CONSTRAINT "DuePolicy_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
