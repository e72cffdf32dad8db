-- The register of administrative divisions, time-aware: a division row is one version of a
-- division, valid from valid_from (inclusive) to valid_to (exclusive; NULL while current).
-- Nothing here is specific to Sichuan: provinces, prefectures and county-level divisions of any
-- province live in the same tables; Sichuan is only the default seed (V2).

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Economic regions group prefectures of one province (Sichuan has five).
CREATE TABLE region (
    code           TEXT PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,63}$'),
    province_code  CHAR(6) NOT NULL,
    name_zh        TEXT NOT NULL,
    name_en        TEXT,
    source         TEXT NOT NULL
);

CREATE TABLE division (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code         CHAR(6)  NOT NULL CHECK (code ~ '^[0-9]{6}$'),
    level        TEXT     NOT NULL CHECK (level IN ('PROVINCE', 'PREFECTURE', 'COUNTY')),
    type         TEXT     NOT NULL,
    name_zh      TEXT     NOT NULL CHECK (length(name_zh) > 0),
    name_en      TEXT,
    parent_code  CHAR(6),
    region_code  TEXT REFERENCES region (code),
    valid_from   DATE     NOT NULL,
    valid_to     DATE,
    source       TEXT     NOT NULL,
    version      BIGINT   NOT NULL DEFAULT 0,
    CHECK (valid_to IS NULL OR valid_to > valid_from),
    -- a code never has two versions valid on the same day
    CONSTRAINT division_no_overlap EXCLUDE USING gist (code WITH =, daterange(valid_from, valid_to, '[)') WITH &&)
);
CREATE UNIQUE INDEX division_current_code ON division (code) WHERE valid_to IS NULL;
CREATE INDEX division_code ON division (code, valid_from);
CREATE INDEX division_parent ON division (parent_code);
CREATE INDEX division_level ON division (level, valid_from);

-- A change of the division register (rename, recode, upgrade, transfer, merge, split, abolish),
-- applied atomically on its effective date.
CREATE TABLE division_change (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('RENAME', 'RECODE', 'UPGRADE', 'TRANSFER', 'MERGE', 'SPLIT', 'ABOLISH')),
    effective_date  DATE NOT NULL,
    from_codes      TEXT NOT NULL,
    to_codes        TEXT NOT NULL,
    description     TEXT,
    source          TEXT NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL,
    version         BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX division_change_date ON division_change (effective_date);

-- Lineage: which code succeeded which, by which change. Read both ways.
CREATE TABLE division_lineage (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    change_id         BIGINT NOT NULL REFERENCES division_change (id),
    predecessor_code  CHAR(6) NOT NULL,
    successor_code    CHAR(6) NOT NULL,
    effective_date    DATE NOT NULL,
    CHECK (predecessor_code <> successor_code),
    UNIQUE (change_id, predecessor_code, successor_code)
);
CREATE INDEX division_lineage_pred ON division_lineage (predecessor_code);
CREATE INDEX division_lineage_succ ON division_lineage (successor_code);

CREATE TABLE designation_type (
    code         TEXT PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{2,63}$'),
    name_zh      TEXT NOT NULL,
    name_en      TEXT NOT NULL,
    description  TEXT,
    version      BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE designation (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type_code        TEXT NOT NULL REFERENCES designation_type (code),
    county_code      CHAR(6) NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
    valid_from       DATE NOT NULL,
    valid_to         DATE,
    evidence_status  TEXT CHECK (evidence_status IN ('LISTED', 'CORROBORATED', 'INFERRED')),
    source_ref       TEXT NOT NULL,
    note             TEXT,
    version          BIGINT NOT NULL DEFAULT 0,
    CHECK (valid_to IS NULL OR valid_to > valid_from),
    CONSTRAINT designation_no_overlap EXCLUDE USING gist (type_code WITH =, county_code WITH =, daterange(valid_from, valid_to, '[)') WITH &&)
);
CREATE INDEX designation_county ON designation (county_code);

CREATE TABLE assessment_category (
    code         TEXT PRIMARY KEY,
    name_zh      TEXT NOT NULL,
    name_en      TEXT NOT NULL,
    description  TEXT
);

-- Which assessment category a county is in for a year. Ended (withdrawn) assignments stay for
-- the record but no longer count.
CREATE TABLE category_assignment (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    county_code    CHAR(6) NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
    year           INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2200),
    category_code  TEXT NOT NULL REFERENCES assessment_category (code),
    source         TEXT NOT NULL,
    ended_on       DATE,
    end_reason     TEXT,
    version        BIGINT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX category_assignment_active ON category_assignment (county_code, year) WHERE ended_on IS NULL;
CREATE INDEX category_assignment_year ON category_assignment (year);

-- The change feed. Its sequence comes from change_counter, a single row updated under its row
-- lock in the writing transaction: a rolled-back write gives its numbers back, so the feed has no
-- gaps, and numbers become visible in commit order (a PostgreSQL SEQUENCE would give neither).
CREATE TABLE change_counter (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    last_value  BIGINT NOT NULL
);
INSERT INTO change_counter (id, last_value) VALUES (1, 0);

CREATE TABLE change_event (
    sequence        BIGINT PRIMARY KEY,
    occurred_at     TIMESTAMPTZ NOT NULL,
    entity_type     TEXT NOT NULL CHECK (entity_type IN ('COUNTY', 'PREFECTURE', 'DESIGNATION', 'CATEGORY_ASSIGNMENT')),
    entity_id       TEXT NOT NULL,
    action          TEXT NOT NULL,
    effective_date  DATE,
    payload         JSONB NOT NULL
);
