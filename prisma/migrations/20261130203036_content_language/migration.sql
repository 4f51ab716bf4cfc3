-- AlterTable
ALTER TABLE "Postmortem" ADD COLUMN     "language" TEXT;

-- Backfill: the rule of src/server/postmortems/content-language.ts in SQL. Chinese when the
-- prose has at least as many Han characters (U+3400–U+4DBF, U+4E00–U+9FFF) as Latin words;
-- NULL when it has no letters (read as the title's language, or none).
UPDATE "Postmortem" AS p
   SET "language" = CASE WHEN c.han = 0 AND c.words = 0 THEN NULL
                         WHEN c.han >= c.words THEN 'zh-CN'
                         ELSE 'en' END
  FROM (
    SELECT id,
           regexp_count(prose, '[㐀-䶿一-鿿]') AS han,
           regexp_count(prose, '[A-Za-z]+') AS words
      FROM (
        SELECT id,
               concat_ws(E'\n', title, summary, symptom, detection, impact, "rootCause", resolution, verification) AS prose
          FROM "Postmortem"
      ) AS texts
  ) AS c
 WHERE c.id = p.id;
