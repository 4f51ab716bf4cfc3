-- Search orders its matches past the cap by the incident date (when it occurred, else when it
-- was detected, else when it was written: src/server/postmortems/incident-date.ts), and filters a
-- period by it, as the list and insights do. One index serves both: the newest first, and a
-- period's range, which search read before by testing every match (decision 068).
DROP INDEX "Postmortem_occurred_idx";
CREATE INDEX "Postmortem_incident_date_idx" ON "Postmortem" ((COALESCE("occurredAt", "detectedAt", "createdAt")) DESC, "number" DESC);
