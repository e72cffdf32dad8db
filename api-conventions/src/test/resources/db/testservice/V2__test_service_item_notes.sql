-- Test only (never shipped): a service's second migration, so that its history is past the shared V1.
ALTER TABLE test_service_item ADD COLUMN note TEXT;
