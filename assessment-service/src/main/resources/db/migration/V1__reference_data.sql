CREATE TABLE indicator_area (
    code     TEXT PRIMARY KEY,
    name_zh  TEXT NOT NULL,
    name_en  TEXT NOT NULL,
    ordinal  INTEGER NOT NULL UNIQUE,
    source   TEXT NOT NULL
);
INSERT INTO indicator_area (code, name_zh, name_en, ordinal, source) VALUES
 ('ECONOMIC_DEVELOPMENT', '经济发展', 'Economic development', 1, 'Sichuan county economy assessment rules, 2019 (24 indicators in 5 areas); 2021 revision (27 indicators)'),
 ('URBAN_RURAL_DEVELOPMENT', '城乡发展', 'Urban-rural development', 2, 'Sichuan county economy assessment rules, 2019 (24 indicators in 5 areas); 2021 revision (27 indicators)'),
 ('LIVING_STANDARDS', '民生改善', 'Living standards', 3, 'Sichuan county economy assessment rules, 2019 (24 indicators in 5 areas); 2021 revision (27 indicators)'),
 ('ECOLOGY', '生态环保', 'Ecology', 4, 'Sichuan county economy assessment rules, 2019 (24 indicators in 5 areas); 2021 revision (27 indicators)'),
 ('RISK_CONTROL', '风险防控', 'Risk control', 5, 'Sichuan county economy assessment rules, 2019 (24 indicators in 5 areas); 2021 revision (27 indicators)');
