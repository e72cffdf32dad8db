-- A pairing ended because the county stopped being designated UNDERDEVELOPED_COUNTY (the registry's change feed, see
-- service/PairingsEndWithDesignation): the designation's end (the first day the county is no longer designated; the
-- pairing's valid_to is the day before). Cleared when the pairing's end is set again through the API.
ALTER TABLE pairing ADD COLUMN ended_by_designation_on DATE;
CREATE INDEX pairing_ended_by_designation ON pairing (ended_by_designation_on) WHERE ended_by_designation_on IS NOT NULL;
