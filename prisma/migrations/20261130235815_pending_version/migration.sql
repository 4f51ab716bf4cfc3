-- CreateTable
CREATE TABLE "PendingVersion" (
    "postmortemId" TEXT NOT NULL,
    "document" JSONB NOT NULL,
    "baseVersion" INTEGER NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PendingVersion_pkey" PRIMARY KEY ("postmortemId")
);

-- AddForeignKey
ALTER TABLE "PendingVersion" ADD CONSTRAINT "PendingVersion_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingVersion" ADD CONSTRAINT "PendingVersion_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
