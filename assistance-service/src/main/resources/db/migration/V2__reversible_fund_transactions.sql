-- Reversible, dated money (IATI's rules). A transaction may be negative only when it corrects an earlier
-- transaction of the same project and type, which it references; a correction is a transaction of its own,
-- and nothing is updated in place. Rows recorded before this version with correction = TRUE and no reference
-- (the old add-only corrections) stay as they were.
ALTER TABLE fund_transaction ADD COLUMN corrects_transaction_id BIGINT REFERENCES fund_transaction (id);
ALTER TABLE fund_transaction DROP CONSTRAINT fund_transaction_amount_check;
ALTER TABLE fund_transaction ADD CONSTRAINT fund_transaction_amount_sign
    CHECK (amount <> 0 AND (amount > 0 OR corrects_transaction_id IS NOT NULL));
ALTER TABLE fund_transaction ADD CONSTRAINT fund_transaction_correction_reference
    CHECK (corrects_transaction_id IS NULL OR (correction AND correction_reason IS NOT NULL));
CREATE INDEX fund_transaction_corrects ON fund_transaction (corrects_transaction_id);

-- The history stays: no UPDATE or DELETE of a fund transaction, whoever connects.
CREATE FUNCTION fund_transaction_unchangeable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'fund transactions are never changed or deleted; record a correction instead';
END
$$;
CREATE TRIGGER fund_transaction_no_update BEFORE UPDATE OR DELETE ON fund_transaction
    FOR EACH ROW EXECUTE FUNCTION fund_transaction_unchangeable();
