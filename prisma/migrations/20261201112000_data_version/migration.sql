-- The data version (docs/decisions/030-insights-cache.md): every committed change to a table the
-- insights count moves this sequence, so a process that cached figures knows they are stale, with
-- several app instances on one database and whatever wrote the rows (the app, an import, a restore,
-- plain SQL). Deferred to the commit: a reader rarely sees the new version before the new rows.
-- Prisma does not manage sequences, triggers or functions: later migrations leave them alone.
CREATE SEQUENCE "DataVersion";

CREATE FUNCTION "hindsight_bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('"DataVersion"');
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "Postmortem_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Postmortem"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
CREATE CONSTRAINT TRIGGER "PostmortemService_data_version" AFTER INSERT OR UPDATE OR DELETE ON "PostmortemService"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
CREATE CONSTRAINT TRIGGER "PostmortemTag_data_version" AFTER INSERT OR UPDATE OR DELETE ON "PostmortemTag"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
CREATE CONSTRAINT TRIGGER "PostmortemFactor_data_version" AFTER INSERT OR UPDATE OR DELETE ON "PostmortemFactor"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
CREATE CONSTRAINT TRIGGER "Service_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Service"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
CREATE CONSTRAINT TRIGGER "Tag_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Tag"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
CREATE CONSTRAINT TRIGGER "ContributingFactor_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ContributingFactor"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
CREATE CONSTRAINT TRIGGER "Lesson_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Lesson"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
CREATE CONSTRAINT TRIGGER "ActionItem_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ActionItem"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
CREATE CONSTRAINT TRIGGER "User_data_version" AFTER INSERT OR UPDATE OR DELETE ON "User"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
CREATE CONSTRAINT TRIGGER "ChecklistTemplate_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ChecklistTemplate"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
CREATE CONSTRAINT TRIGGER "ChecklistItem_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ChecklistItem"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
CREATE CONSTRAINT TRIGGER "ChecklistItemSource_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ChecklistItemSource"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
CREATE CONSTRAINT TRIGGER "Launch_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Launch"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
CREATE CONSTRAINT TRIGGER "LaunchCheck_data_version" AFTER INSERT OR UPDATE OR DELETE ON "LaunchCheck"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
CREATE CONSTRAINT TRIGGER "LaunchProposalDismissal_data_version" AFTER INSERT OR UPDATE OR DELETE ON "LaunchProposalDismissal"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
CREATE CONSTRAINT TRIGGER "PostmortemRepeat_data_version" AFTER INSERT OR UPDATE OR DELETE ON "PostmortemRepeat"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
