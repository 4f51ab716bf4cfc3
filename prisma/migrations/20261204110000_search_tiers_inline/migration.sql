-- The title and key-field vectors stay in the row (decision 043). Past the cap, a search checks a
-- phrase against them row by row (src/server/search/newest-of-class.ts): kept out of line, each
-- check fetched the vector from the TOAST table, about 10 µs a row. They are small (about 0.1 and
-- 1 KB): at 100,000 postmortems the table grew from 175 to 195 MB, and the slowest queries of
-- bench:search got a third faster. Rows written before keep their vectors where they are until
-- they are next written; `VACUUM FULL "Postmortem"` moves them all at once.
ALTER TABLE "Postmortem"
  ALTER COLUMN "titleVector" SET STORAGE MAIN,
  ALTER COLUMN "keyVector" SET STORAGE MAIN;
