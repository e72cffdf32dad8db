-- Indicator values take their ids 100 at a time (Hibernate's pooled sequence optimizer), so an
-- import inserts in JDBC batches instead of one statement and round trip per value (issue 13).
-- A sequence of its own with that step replaces the identity (whose sequence Hibernate's schema
-- validation does not see); inserts without an id still draw from it. Ids stay unique and
-- increasing per block, not dense.
CREATE SEQUENCE indicator_value_ids INCREMENT BY 100 MINVALUE 1 START WITH 1;
SELECT setval('indicator_value_ids', (SELECT coalesce(max(id), 0) + 100 FROM indicator_value));
ALTER TABLE indicator_value ALTER COLUMN id DROP IDENTITY IF EXISTS;
ALTER TABLE indicator_value ALTER COLUMN id SET DEFAULT nextval('indicator_value_ids');
ALTER SEQUENCE indicator_value_ids OWNED BY indicator_value.id;
