-- Sessions move the data version too (decision 035): the answer for a session cookie is kept
-- against it (src/server/auth/current-user.ts), so signing in or out, and every session a password
-- change or a deactivation ends, is seen at the next request.
CREATE CONSTRAINT TRIGGER "Session_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Session"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
