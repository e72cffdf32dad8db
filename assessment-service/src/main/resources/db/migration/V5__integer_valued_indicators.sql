-- Counts (accidents, violation cases, persons) take whole numbers only: 0.5 serious accidents is refused at import.
ALTER TABLE indicator ADD COLUMN integer_valued BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE indicator SET integer_valued = TRUE WHERE code IN ('SERIOUS_ACCIDENTS', 'STATISTICAL_VIOLATIONS', 'NEW_URBAN_JOBS');
