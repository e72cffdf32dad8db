-- The transactional outbox (package outbox): a write to another service is recorded here in the same
-- transaction as the local change it belongs to, and sent afterwards by the relay with a fixed
-- Idempotency-Key, retried with backoff until it is DONE, or FAILED with the other side's answer.
CREATE TABLE api_outbox_message (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_type     TEXT        NOT NULL,
    -- the local resource it belongs to: messages of one aggregate are sent in order, one at a time
    aggregate_type   TEXT        NOT NULL,
    aggregate_id     TEXT        NOT NULL,
    idempotency_key  TEXT        NOT NULL UNIQUE,
    payload          JSONB       NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('PENDING', 'DONE', 'FAILED')),
    attempts         INTEGER     NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ NOT NULL,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    -- a relay that claimed the message owns it until then (another instance takes it over after)
    locked_until     TIMESTAMPTZ,
    last_attempt_at  TIMESTAMPTZ,
    last_status      INTEGER,
    last_error       TEXT,
    result           JSONB,
    done_at          TIMESTAMPTZ,
    request_id       TEXT,
    actor            TEXT
);
CREATE INDEX api_outbox_message_due ON api_outbox_message (next_attempt_at, id) WHERE status = 'PENDING';
CREATE INDEX api_outbox_message_aggregate ON api_outbox_message (aggregate_type, aggregate_id, id);
