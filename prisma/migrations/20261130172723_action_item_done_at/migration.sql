-- AlterTable
ALTER TABLE "ActionItem" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "doneAt" TIMESTAMP(3);

-- Items saved before: their postmortem's creation is the best known bound (docs/decisions/020).
-- When they were done is not known: doneAt stays NULL.
UPDATE "ActionItem" a SET "createdAt" = p."createdAt" FROM "Postmortem" p WHERE p.id = a."postmortemId";
