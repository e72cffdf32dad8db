CREATE TABLE assistance_force (
    code     TEXT PRIMARY KEY,
    name_zh  TEXT NOT NULL,
    name_en  TEXT NOT NULL,
    ordinal  INTEGER NOT NULL UNIQUE,
    source   TEXT NOT NULL
);
INSERT INTO assistance_force (code, name_zh, name_en, ordinal, source) VALUES
 ('PROVINCIAL_TARGETED', '省内定点帮扶', 'Provincial targeted assistance', 1, 'Sichuan Urges 39 County-Level Task Forces to Fulfill the Primary Responsibility'),
 ('EAST_WEST_COOPERATION', '东西部协作', 'East-west cooperation', 2, 'Sichuan Urges 39 County-Level Task Forces to Fulfill the Primary Responsibility'),
 ('PROVINCIAL_PAIRED', '省内对口帮扶', 'Provincial paired-up assistance', 3, 'Sichuan Urges 39 County-Level Task Forces to Fulfill the Primary Responsibility'),
 ('PROVINCIAL_SOE', '省属国有企业帮扶', 'Assistance by provincial state-owned enterprises', 4, 'Sichuan Urges 39 County-Level Task Forces to Fulfill the Primary Responsibility'),
 ('CENTRAL_SOE', '在川央企帮扶', 'Assistance by central SOEs in Sichuan', 5, 'Sichuan Urges 39 County-Level Task Forces to Fulfill the Primary Responsibility');
