-- Past the cap, search orders every match by class and date (decision 036,
-- src/server/search/match-classes.ts). Each field tier of the search vector is a column of its
-- own, derived by Postgres (the title; the title and the key fields), with a GIN index, so the
-- planner knows how many postmortems each holds and a recheck reads the small vector; and the
-- incident's date has an index to read matches newest first.
ALTER TABLE "Postmortem"
  ADD COLUMN "titleVector" tsvector GENERATED ALWAYS AS (ts_filter("searchVector", '{a}')) STORED,
  ADD COLUMN "keyVector" tsvector GENERATED ALWAYS AS (ts_filter("searchVector", '{a,b}')) STORED;
CREATE INDEX "Postmortem_titleVector_idx" ON "Postmortem" USING GIN ("titleVector");
CREATE INDEX "Postmortem_keyVector_idx" ON "Postmortem" USING GIN ("keyVector");
CREATE INDEX "Postmortem_occurred_idx" ON "Postmortem" ((COALESCE("occurredAt", "createdAt")) DESC, "number" DESC);
