-- The underdeveloped counties are read from the local copy of the registry facts (schema registry_copy, kept by
-- county-registry-client from the registry's change feed); the last list a report fetched is no longer kept.
DROP TABLE registry_county_cache;
