-- Tables of the shared API conventions (module api-conventions), present in every service's database.
-- Recorded in their own history table, api_conventions_schema_history (see SharedTablesMigration).
-- Until then this script was V0_1 in each service's history: databases made that way are baselined at
-- version 1, so this script must keep creating exactly what V0_1 created; change the tables in V2, V3...

CREATE TABLE api_audit_record (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at    TIMESTAMPTZ NOT NULL,
    actor          TEXT        NOT NULL,
    actor_roles    TEXT        NOT NULL,
    request_id     TEXT,
    resource_type  TEXT        NOT NULL,
    resource_id    TEXT        NOT NULL,
    action         TEXT        NOT NULL,
    before_state   JSONB,
    after_state    JSONB,
    reason         TEXT
);
CREATE INDEX api_audit_record_resource ON api_audit_record (resource_type, resource_id);
CREATE INDEX api_audit_record_actor ON api_audit_record (actor);
CREATE INDEX api_audit_record_time ON api_audit_record (occurred_at);

-- The audit trail only grows: refuse changes and deletions at the database too.
CREATE FUNCTION api_audit_record_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit records cannot be changed or deleted';
END $$;
CREATE TRIGGER api_audit_record_no_update BEFORE UPDATE OR DELETE ON api_audit_record
    FOR EACH ROW EXECUTE FUNCTION api_audit_record_immutable();

CREATE TABLE api_idempotency_record (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    principal      TEXT        NOT NULL,
    idem_key       TEXT        NOT NULL,
    request_hash   TEXT        NOT NULL,
    method         TEXT        NOT NULL,
    path           TEXT        NOT NULL,
    status         INTEGER     NOT NULL,
    location       TEXT,
    response_body  TEXT,
    created_at     TIMESTAMPTZ NOT NULL,
    CONSTRAINT api_idempotency_record_key UNIQUE (principal, idem_key)
);
CREATE INDEX api_idempotency_record_created ON api_idempotency_record (created_at);
