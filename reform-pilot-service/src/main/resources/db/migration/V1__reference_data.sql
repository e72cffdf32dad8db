CREATE TABLE reform_area (
    code     TEXT PRIMARY KEY,
    name_zh  TEXT NOT NULL,
    name_en  TEXT NOT NULL,
    ordinal  INTEGER NOT NULL UNIQUE,
    source   TEXT NOT NULL
);
INSERT INTO reform_area (code, name_zh, name_en, ordinal, source) VALUES
 ('INFRASTRUCTURE_CONNECTIVITY', '基础设施互联互通', 'Infrastructure connectivity', 1, 'Pilot Integrated County-level Reform under Chengdu-Chongqing Economic Circle Construction (2020)'),
 ('MODERN_INDUSTRY', '现代产业协作共兴', 'Modern industry', 2, 'Pilot Integrated County-level Reform under Chengdu-Chongqing Economic Circle Construction (2020)'),
 ('COORDINATED_INNOVATION', '协同创新驱动发展', 'Coordinated and innovation-driven development', 3, 'Pilot Integrated County-level Reform under Chengdu-Chongqing Economic Circle Construction (2020)'),
 ('LAND_USE_LAYOUT', '国土空间布局优化', 'Land-use layout', 4, 'Pilot Integrated County-level Reform under Chengdu-Chongqing Economic Circle Construction (2020)'),
 ('JOINT_ECOLOGICAL_PROTECTION', '生态环境联防联治', 'Joint ecological protection', 5, 'Pilot Integrated County-level Reform under Chengdu-Chongqing Economic Circle Construction (2020)'),
 ('SHARED_PUBLIC_SERVICES', '公共服务共建共享', 'Shared public services', 6, 'Pilot Integrated County-level Reform under Chengdu-Chongqing Economic Circle Construction (2020)'),
 ('URBAN_RURAL_INTEGRATION', '城乡融合发展', 'Urban-rural integration', 7, 'Pilot Integrated County-level Reform under Chengdu-Chongqing Economic Circle Construction (2020)'),
 ('COMMUNITY_GOVERNANCE', '基层治理创新', 'Community-level governance', 8, 'Pilot Integrated County-level Reform under Chengdu-Chongqing Economic Circle Construction (2020)');
