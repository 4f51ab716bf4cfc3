-- The data version (docs/decisions/030-insights-cache.md) also moves with the rest of what the
-- read pages show, so that they can keep what they read against it (decision 035): a postmortem's
-- lists, authors and versions, a launch's services, tags and sub-checks, the due policies, comments.
--
-- And a reader never pairs the new version with the old rows. The version moves inside the
-- writer's commit, a moment before its rows become visible; a reader in that moment would keep
-- the old rows under the new version until the next write. So each bump takes advisory lock
-- 7240512004 shared, held until the writer's transaction has ended (its rows visible), and the
-- version is read through "hindsight_data_version"(), which takes the same lock exclusively first:
-- it waits out a commit in progress (a few milliseconds at most), never a transaction still open.
CREATE OR REPLACE FUNCTION "hindsight_bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(7240512004);
  PERFORM nextval('"DataVersion"');
  RETURN NULL;
END
$$;

CREATE FUNCTION "hindsight_data_version"() RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7240512004);
  RETURN current_database() || ':' ||
    (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM "DataVersion")::text;
END
$$;

CREATE CONSTRAINT TRIGGER "LaunchTag_data_version" AFTER INSERT OR UPDATE OR DELETE ON "LaunchTag"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
CREATE CONSTRAINT TRIGGER "LaunchService_data_version" AFTER INSERT OR UPDATE OR DELETE ON "LaunchService"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
CREATE CONSTRAINT TRIGGER "PostmortemAuthor_data_version" AFTER INSERT OR UPDATE OR DELETE ON "PostmortemAuthor"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
CREATE CONSTRAINT TRIGGER "Hypothesis_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Hypothesis"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
CREATE CONSTRAINT TRIGGER "TimelineEntry_data_version" AFTER INSERT OR UPDATE OR DELETE ON "TimelineEntry"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
CREATE CONSTRAINT TRIGGER "OpenQuestion_data_version" AFTER INSERT OR UPDATE OR DELETE ON "OpenQuestion"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
CREATE CONSTRAINT TRIGGER "DuePolicy_data_version" AFTER INSERT OR UPDATE OR DELETE ON "DuePolicy"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
CREATE CONSTRAINT TRIGGER "Revision_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Revision"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
CREATE CONSTRAINT TRIGGER "PendingVersion_data_version" AFTER INSERT OR UPDATE OR DELETE ON "PendingVersion"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
CREATE CONSTRAINT TRIGGER "LaunchSubCheck_data_version" AFTER INSERT OR UPDATE OR DELETE ON "LaunchSubCheck"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
CREATE CONSTRAINT TRIGGER "CommentThread_data_version" AFTER INSERT OR UPDATE OR DELETE ON "CommentThread"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
CREATE CONSTRAINT TRIGGER "Comment_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Comment"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
CREATE CONSTRAINT TRIGGER "CommentMention_data_version" AFTER INSERT OR UPDATE OR DELETE ON "CommentMention"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
