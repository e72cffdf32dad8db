-- Indicator definitions are versioned by year like schemes (issue 13): a change of unit or range from year Y must
-- not change what the years before Y meant, how their values were validated, or their scorecards. Each definition
-- applies from its from_year until the next one's; the one in force in year Y has the largest from_year <= Y. The
-- indicator row keeps the latest definition (what the catalogue shows without a year) and the indicator's version.
CREATE TABLE indicator_definition (
    code                   TEXT NOT NULL REFERENCES indicator (code),
    from_year              INTEGER NOT NULL CHECK (from_year BETWEEN 2000 AND 2100),
    name_zh                TEXT NOT NULL,
    name_en                TEXT NOT NULL,
    unit                   TEXT NOT NULL,
    area_code              TEXT NOT NULL REFERENCES indicator_area (code),
    direction              TEXT NOT NULL CHECK (direction IN ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER')),
    description            TEXT,
    source                 TEXT NOT NULL,
    min_value              NUMERIC(24, 6),
    max_value              NUMERIC(24, 6),
    required               BOOLEAN NOT NULL DEFAULT FALSE,
    yoy_threshold_percent  NUMERIC(12, 4),
    integer_valued         BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (code, from_year)
);
-- what each indicator said until now held for every year
INSERT INTO indicator_definition (code, from_year, name_zh, name_en, unit, area_code, direction, description, source,
                                  min_value, max_value, required, yoy_threshold_percent, integer_valued)
SELECT code, 2000, name_zh, name_en, unit, area_code, direction, description, source,
       min_value, max_value, required, yoy_threshold_percent, integer_valued FROM indicator;
ALTER TABLE indicator ADD COLUMN from_year INTEGER NOT NULL DEFAULT 2000;
