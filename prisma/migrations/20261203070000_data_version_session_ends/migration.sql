-- Only a session that ends moves the data version (decision 035, "Later"). A new session comes
-- with a cookie no kept answer holds, and a refreshed one is asked about again when the kept
-- answer's expiry passes; moving the version on every sign-in threw away every kept read (and the
-- insights figures, a second's work on 10,000 postmortems) each time someone signed in.
DROP TRIGGER "Session_data_version" ON "Session";
CREATE CONSTRAINT TRIGGER "Session_data_version" AFTER DELETE ON "Session"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "hindsight_bump_data_version"();
