-- Test only (never shipped): a next shared migration, numbered above every shipped one, as a future change of the shared tables would be.
ALTER TABLE api_idempotency_record ADD COLUMN test_note TEXT;
