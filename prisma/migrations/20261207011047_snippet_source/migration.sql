-- What search quotes of a postmortem's lists, written with its search documents (decision 065).
-- Filled by the rebuild `npm start` runs for SEARCH_INDEX_VERSION 2.
ALTER TABLE "Postmortem" ADD COLUMN "snippetSource" JSON;
