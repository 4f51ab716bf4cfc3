-- The typo-correction vocabulary ("SearchWord") moves the data version too (decision 054): kept
-- searches read it. Every write to it but one comes with a write to "Postmortem" in the same
-- transaction, which moves the version already; a rebuild of the search index empties it alone
-- first. Once per statement, not per row: an import batch adds hundreds of words in one insert.
CREATE TRIGGER "SearchWord_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SearchWord"
  FOR EACH STATEMENT EXECUTE FUNCTION "hindsight_bump_data_version"();
