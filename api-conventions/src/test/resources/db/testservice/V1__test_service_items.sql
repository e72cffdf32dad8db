-- Test only (never shipped): a service's own first migration.
CREATE TABLE test_service_item (
    id   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL
);
