-- CreateTable
CREATE TABLE "DocumentState" (
    "postmortemId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentState_pkey" PRIMARY KEY ("postmortemId","version")
);

-- AddForeignKey
ALTER TABLE "DocumentState" ADD CONSTRAINT "DocumentState_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
