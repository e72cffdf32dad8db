-- Test only (never shipped): the next shared migration, V2, as a future change of the shared tables would be.
ALTER TABLE api_idempotency_record ADD COLUMN test_note TEXT;
