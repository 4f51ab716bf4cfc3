-- When the incident happened, kept by Postgres in a column of its own: when it occurred, else
-- when it was detected, else when its postmortem was written (src/server/incident-date.ts). The
-- list's period filter could not use the index on the expression (Prisma writes the rule as an
-- OR of three ranges), and read an old month by walking every postmortem (decision 069). Every
-- read of a period, and search's order past the cap, now name this column and its index.
ALTER TABLE "Postmortem" ADD COLUMN "incidentAt" TIMESTAMP(3) GENERATED ALWAYS AS (COALESCE("occurredAt", "detectedAt", "createdAt")) STORED;
DROP INDEX "Postmortem_incident_date_idx";
CREATE INDEX "Postmortem_incident_date_idx" ON "Postmortem" ("incidentAt" DESC, "number" DESC);
