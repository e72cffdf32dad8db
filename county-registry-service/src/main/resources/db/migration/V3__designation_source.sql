-- Designations per programme: every designation names the source that asserts it, and only two
-- designations of one type, one county and one source may not overlap. A county may so hold a
-- REFORM_PILOT designation of several programmes at once (issue 11: the 2020 pilots' open-ended
-- designations refused every later programme's).
--
-- The contract of `source` ("<system>:<programme>"): <system> is the system that writes and keeps the
-- designation (reform-pilot = reform-pilot-service, registry = entered here), <programme> names the
-- programme or list within it (reform-pilot-service: "programme/<its programme id>"). See README.
ALTER TABLE designation ADD COLUMN source TEXT;

-- the nine pilots of 2020 (V2's seed): programme 1 of reform-pilot-service, seeded there from the same file
UPDATE designation SET source = 'reform-pilot:programme/1'
 WHERE type_code = 'REFORM_PILOT'
   AND source_ref = 'http://www.sc.gov.cn/10462/10758/10760/10765/2020/7/7/a05d2641de374a6ea51b0b63bd659c74.shtml';
-- (a designation carried over to a successor by a division change copies its sourceRef, so it
-- follows the one it was carried from)
-- the 39 underdeveloped counties (V2's seed, and any carried over): the province's list, kept in the registry
UPDATE designation SET source = 'registry:underdeveloped-counties' WHERE type_code = 'UNDERDEVELOPED_COUNTY';
-- everything else was entered before sources existed: one shared source, so that it still excludes
-- overlaps among itself exactly as before
UPDATE designation SET source = 'registry:before-sources' WHERE source IS NULL;

ALTER TABLE designation ALTER COLUMN source SET NOT NULL;
ALTER TABLE designation ADD CONSTRAINT designation_source_format
    CHECK (source ~ '^[a-z][a-z0-9-]{0,31}:[A-Za-z0-9._/-]{1,200}$');
ALTER TABLE designation DROP CONSTRAINT designation_no_overlap;
ALTER TABLE designation ADD CONSTRAINT designation_no_overlap
    EXCLUDE USING gist (type_code WITH =, county_code WITH =, source WITH =, daterange(valid_from, valid_to, '[)') WITH &&);
CREATE INDEX designation_source ON designation (source);
