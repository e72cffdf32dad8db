-- The project sectors as OECD DAC 5-digit purpose codes (IATI sector vocabulary 1), for the IATI activity file.
-- Source: OECD DAC CRS purpose codes (https://iatistandard.org/en/iati-standard/203/codelists/sector/); the choice
-- of one code per sector is this service's reading of what the assistance projects of each sector mostly are.
CREATE TABLE sector_dac_code (
    sector    TEXT PRIMARY KEY CHECK (sector IN ('INDUSTRY','LIVELIHOOD','INFRASTRUCTURE','PUBLIC_WELFARE','EMPLOYMENT','EDUCATION','HEALTH','ECOLOGY','OTHER')),
    dac_code  TEXT NOT NULL CHECK (dac_code ~ '^[0-9]{5}$'),
    dac_name  TEXT NOT NULL,
    source    TEXT NOT NULL
);
INSERT INTO sector_dac_code (sector, dac_code, dac_name, source) VALUES
  ('INDUSTRY',       '32120', 'Industrial development',                            'OECD DAC CRS purpose codes'),
  ('LIVELIHOOD',     '16050', 'Multisector aid for basic social services',         'OECD DAC CRS purpose codes'),
  ('INFRASTRUCTURE', '43040', 'Rural development',                                 'OECD DAC CRS purpose codes'),
  ('PUBLIC_WELFARE', '16010', 'Social protection',                                 'OECD DAC CRS purpose codes'),
  ('EMPLOYMENT',     '16020', 'Employment creation',                               'OECD DAC CRS purpose codes'),
  ('EDUCATION',      '11110', 'Education policy and administrative management',    'OECD DAC CRS purpose codes'),
  ('HEALTH',         '12110', 'Health policy and administrative management',       'OECD DAC CRS purpose codes'),
  ('ECOLOGY',        '41010', 'Environmental policy and administrative management', 'OECD DAC CRS purpose codes'),
  ('OTHER',          '43010', 'Multisector aid',                                   'OECD DAC CRS purpose codes');
