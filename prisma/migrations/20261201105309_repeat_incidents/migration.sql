-- AlterTable
ALTER TABLE "Postmortem" ADD COLUMN     "repeatsCheckedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "PostmortemRepeat" (
    "postmortemId" TEXT NOT NULL,
    "earlierId" TEXT NOT NULL,
    "coverage" DOUBLE PRECISION NOT NULL,
    "shared" TEXT[],

    CONSTRAINT "PostmortemRepeat_pkey" PRIMARY KEY ("postmortemId","earlierId")
);

-- CreateIndex
CREATE INDEX "PostmortemRepeat_earlierId_idx" ON "PostmortemRepeat"("earlierId");

-- AddForeignKey
ALTER TABLE "PostmortemRepeat" ADD CONSTRAINT "PostmortemRepeat_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostmortemRepeat" ADD CONSTRAINT "PostmortemRepeat_earlierId_fkey" FOREIGN KEY ("earlierId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
