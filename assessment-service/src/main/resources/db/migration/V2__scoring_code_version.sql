-- The version of the scoring code that computed a run (issue 12): with input_hash it says exactly
-- what produced the numbers, so a fix to the scoring is visible in the runs made after it. Runs
-- stored before this column existed were computed by the scoring code before its COINr alignment.
-- (A default fills existing rows without an UPDATE, which the immutability trigger would refuse.)
ALTER TABLE scoring_run ADD COLUMN scoring_code_version TEXT NOT NULL DEFAULT '1.x (before COINr alignment)';
ALTER TABLE scoring_run ALTER COLUMN scoring_code_version DROP DEFAULT;
