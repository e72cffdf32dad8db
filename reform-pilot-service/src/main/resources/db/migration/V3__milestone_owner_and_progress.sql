-- Each milestone has an owner (the unit or person answerable for it) and a percent done; a DONE milestone is 100 %.
ALTER TABLE milestone ADD COLUMN owner TEXT;
ALTER TABLE milestone ADD COLUMN percent_done INTEGER NOT NULL DEFAULT 0 CHECK (percent_done BETWEEN 0 AND 100);
UPDATE milestone SET percent_done = 100 WHERE status = 'DONE';
ALTER TABLE milestone ADD CONSTRAINT milestone_done_is_complete CHECK (status <> 'DONE' OR percent_done = 100);
