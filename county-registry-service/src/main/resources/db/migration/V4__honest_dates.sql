-- Honest dates (issue 14). A division version's start is either dated by a source or unknown:
--   valid_from_source  the source that dates valid_from; NULL: the start is not in any source and
--                      valid_from is the register's baseline 1949-10-01 ("not known to have changed")
--   recorded_since     the first day a source records the version as it is; an as-of answer for an
--                      earlier day rests on the assumption that the division was unchanged since
ALTER TABLE division ADD COLUMN valid_from_source TEXT;
ALTER TABLE division ADD COLUMN recorded_since DATE;

-- starts made by a recorded division change (the seed's changes and any applied since): that change's source
UPDATE division d SET valid_from_source = c.source, recorded_since = d.valid_from
  FROM division_change c
 WHERE c.effective_date = d.valid_from
   AND d.code = ANY (string_to_array(c.to_codes, ','));

-- other dated starts (imports given a validFrom): the row's own source
UPDATE division SET valid_from_source = source, recorded_since = valid_from
 WHERE valid_from_source IS NULL AND valid_from <> DATE '1949-10-01';

-- baseline starts: the version is recorded by its source's vintage (NBS codes as of 2023-06-30) when
-- current, and by the change that retired it (the day before) when retired
UPDATE division SET recorded_since = LEAST(valid_to - 1, DATE '2023-06-30')
 WHERE recorded_since IS NULL AND valid_to IS NOT NULL;
UPDATE division SET recorded_since = DATE '2023-06-30' WHERE recorded_since IS NULL;

ALTER TABLE division ALTER COLUMN recorded_since SET NOT NULL;
ALTER TABLE division ADD CONSTRAINT division_recorded_in_validity
    CHECK (recorded_since >= valid_from AND (valid_to IS NULL OR recorded_since < valid_to));
ALTER TABLE division ADD CONSTRAINT division_unknown_start_is_baseline
    CHECK (valid_from_source IS NOT NULL OR valid_from = DATE '1949-10-01');

-- The 2018 assessment categories of 新津县 and 射洪县 were seeded on their later codes 510118 新津区
-- (from 2020) and 510981 射洪市 (from 2019); the 2019 notice itself names the counties. Through the
-- lineage they move to the codes valid in 2018, and the change feed tells consumers.
CREATE TEMPORARY TABLE moved_2018 ON COMMIT DROP AS
SELECT a.id, l.predecessor_code AS to_code
  FROM category_assignment a
  JOIN division_lineage l ON l.successor_code = a.county_code
  JOIN division later ON later.code = a.county_code AND later.valid_from = l.effective_date
 WHERE a.year = 2018 AND a.ended_on IS NULL
   AND l.effective_date > DATE '2018-12-31'
   AND a.county_code IN ('510118', '510981');

UPDATE category_assignment a
   SET county_code = m.to_code,
       source = a.source || '; moved from ' || a.county_code || ' to ' || m.to_code
                || ', the code valid in 2018, through the lineage (V4)',
       version = a.version + 1
  FROM moved_2018 m
 WHERE a.id = m.id;

WITH counted AS (
    UPDATE change_counter SET last_value = last_value + (SELECT count(*) FROM moved_2018) WHERE id = 1
    RETURNING last_value
), numbered AS (
    SELECT a.*, row_number() OVER (ORDER BY a.id) AS n, (SELECT count(*) FROM moved_2018) AS total
      FROM category_assignment a JOIN moved_2018 m ON m.id = a.id
)
INSERT INTO change_event (sequence, occurred_at, entity_type, entity_id, action, effective_date, payload)
SELECT c.last_value - n.total + n.n, now(), 'CATEGORY_ASSIGNMENT', n.id::text, 'CORRECTED', make_date(n.year, 1, 1),
       jsonb_build_object('id', n.id, 'countyCode', n.county_code, 'year', n.year, 'categoryCode', n.category_code,
                          'source', n.source, 'endedOn', n.ended_on, 'version', n.version)
  FROM numbered n CROSS JOIN counted c;
