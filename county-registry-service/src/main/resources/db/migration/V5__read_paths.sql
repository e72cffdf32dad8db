-- Reads as fast as the database (issue 14).
--
-- Every write of the register moves change_counter's single row in its transaction; this trigger
-- tells the listening replicas the new sequence when that transaction commits (NOTIFY is delivered
-- on commit only, in commit order), so that a replica knows the sequence its cached answers are
-- keyed with without a database round trip per read (FeedSequence).
CREATE FUNCTION change_counter_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('registry_changes', NEW.last_value::text);
    RETURN NEW;
END
$$;
CREATE TRIGGER change_counter_notify AFTER UPDATE ON change_counter FOR EACH ROW EXECUTE FUNCTION change_counter_notify();

-- an index for every filter of the read paths (index names share the namespace of tables)
CREATE INDEX division_by_region ON division (region_code, level);
CREATE INDEX division_by_level_parent ON division (level, parent_code, valid_from);
CREATE INDEX category_assignment_by_county ON category_assignment (county_code, year);
CREATE INDEX category_assignment_by_category ON category_assignment (category_code, year);
CREATE INDEX designation_by_type ON designation (type_code, valid_from);
CREATE INDEX designation_by_validity ON designation (valid_from, valid_to);
CREATE INDEX division_lineage_by_date ON division_lineage (effective_date);
