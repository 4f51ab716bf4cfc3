-- CreateTable
CREATE TABLE "LaunchTag" (
    "launchId" TEXT NOT NULL,
    "tagId" TEXT NOT NULL,

    CONSTRAINT "LaunchTag_pkey" PRIMARY KEY ("launchId","tagId")
);

-- CreateTable
CREATE TABLE "LaunchService" (
    "launchId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,

    CONSTRAINT "LaunchService_pkey" PRIMARY KEY ("launchId","serviceId")
);

-- CreateTable
CREATE TABLE "LaunchProposalDismissal" (
    "id" TEXT NOT NULL,
    "launchId" TEXT NOT NULL,
    "checklistItemId" TEXT,
    "postmortemId" TEXT,
    "reason" TEXT NOT NULL,
    "byId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LaunchProposalDismissal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LaunchTag_tagId_idx" ON "LaunchTag"("tagId");

-- CreateIndex
CREATE INDEX "LaunchService_serviceId_idx" ON "LaunchService"("serviceId");

-- CreateIndex
CREATE INDEX "LaunchProposalDismissal_checklistItemId_idx" ON "LaunchProposalDismissal"("checklistItemId");

-- CreateIndex
CREATE INDEX "LaunchProposalDismissal_postmortemId_idx" ON "LaunchProposalDismissal"("postmortemId");

-- CreateIndex
CREATE UNIQUE INDEX "LaunchProposalDismissal_launchId_checklistItemId_key" ON "LaunchProposalDismissal"("launchId", "checklistItemId");

-- CreateIndex
CREATE UNIQUE INDEX "LaunchProposalDismissal_launchId_postmortemId_key" ON "LaunchProposalDismissal"("launchId", "postmortemId");

-- AddForeignKey
ALTER TABLE "LaunchTag" ADD CONSTRAINT "LaunchTag_launchId_fkey" FOREIGN KEY ("launchId") REFERENCES "Launch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LaunchTag" ADD CONSTRAINT "LaunchTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LaunchService" ADD CONSTRAINT "LaunchService_launchId_fkey" FOREIGN KEY ("launchId") REFERENCES "Launch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LaunchService" ADD CONSTRAINT "LaunchService_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LaunchProposalDismissal" ADD CONSTRAINT "LaunchProposalDismissal_launchId_fkey" FOREIGN KEY ("launchId") REFERENCES "Launch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LaunchProposalDismissal" ADD CONSTRAINT "LaunchProposalDismissal_checklistItemId_fkey" FOREIGN KEY ("checklistItemId") REFERENCES "ChecklistItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LaunchProposalDismissal" ADD CONSTRAINT "LaunchProposalDismissal_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LaunchProposalDismissal" ADD CONSTRAINT "LaunchProposalDismissal_byId_fkey" FOREIGN KEY ("byId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
