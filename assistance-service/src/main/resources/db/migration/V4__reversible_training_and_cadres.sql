-- Training records and cadre exchanges are corrected by reversal, as fund transactions are (V2): a reversal is a
-- record of its own that references the one it reverses, carries minus its count, a reason and its author; the
-- original stays. Sums therefore count net: a reversed record and its reversal add up to nothing.
ALTER TABLE training_record ADD COLUMN reverses_id BIGINT REFERENCES training_record (id);
ALTER TABLE training_record ADD COLUMN reversal_reason TEXT;
ALTER TABLE training_record ADD COLUMN recorded_by TEXT;
ALTER TABLE training_record DROP CONSTRAINT training_record_people_trained_check;
ALTER TABLE training_record ADD CONSTRAINT training_record_people_sign
    CHECK (people_trained <> 0 AND (people_trained > 0) = (reverses_id IS NULL));
ALTER TABLE training_record ADD CONSTRAINT training_record_reversal_reason
    CHECK (reverses_id IS NULL OR reversal_reason IS NOT NULL);
-- one reversal per record, whoever writes it
CREATE UNIQUE INDEX training_record_one_reversal ON training_record (reverses_id);

ALTER TABLE cadre_exchange ADD COLUMN reverses_id BIGINT REFERENCES cadre_exchange (id);
ALTER TABLE cadre_exchange ADD COLUMN reversal_reason TEXT;
ALTER TABLE cadre_exchange ADD COLUMN recorded_by TEXT;
ALTER TABLE cadre_exchange DROP CONSTRAINT cadre_exchange_people_check;
ALTER TABLE cadre_exchange ADD CONSTRAINT cadre_exchange_people_sign
    CHECK (people <> 0 AND (people > 0) = (reverses_id IS NULL));
ALTER TABLE cadre_exchange ADD CONSTRAINT cadre_exchange_reversal_reason
    CHECK (reverses_id IS NULL OR reversal_reason IS NOT NULL);
CREATE UNIQUE INDEX cadre_exchange_one_reversal ON cadre_exchange (reverses_id);

-- The history stays: no UPDATE or DELETE of either, whoever connects.
CREATE FUNCTION activity_record_unchangeable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are never changed or deleted; record a reversal instead', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER training_record_no_update BEFORE UPDATE OR DELETE ON training_record
    FOR EACH ROW EXECUTE FUNCTION activity_record_unchangeable();
CREATE TRIGGER cadre_exchange_no_update BEFORE UPDATE OR DELETE ON cadre_exchange
    FOR EACH ROW EXECUTE FUNCTION activity_record_unchangeable();
