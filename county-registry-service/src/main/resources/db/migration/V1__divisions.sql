-- The register of administrative divisions, time-aware: a row is one version of a division,
-- valid from valid_from (inclusive) to valid_to (exclusive; NULL while current).

CREATE TABLE region (
    code      TEXT PRIMARY KEY,
    name_zh   TEXT NOT NULL,
    name_en   TEXT,
    source    TEXT NOT NULL
);

CREATE TABLE division (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code         CHAR(6)  NOT NULL CHECK (code ~ '^[0-9]{6}$'),
    level        TEXT     NOT NULL CHECK (level IN ('PROVINCE', 'PREFECTURE', 'COUNTY')),
    type         TEXT     NOT NULL,
    name_zh      TEXT     NOT NULL,
    name_en      TEXT,
    parent_code  CHAR(6),
    region_code  TEXT REFERENCES region (code),
    valid_from   DATE     NOT NULL,
    valid_to     DATE,
    source       TEXT     NOT NULL,
    version      BIGINT   NOT NULL DEFAULT 0,
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);
-- at most one current version per code
CREATE UNIQUE INDEX division_current_code ON division (code) WHERE valid_to IS NULL;
CREATE INDEX division_code ON division (code, valid_from);
CREATE INDEX division_parent ON division (parent_code);
