-- Cross-field rules and illustrative city-wide targets.
-- Run once, after pillars.csv, units.csv and indicators.csv have been imported.
-- Indicators are looked up by code; a rule or target whose code is missing
-- inserts nothing (check the row counts after loading).

SET NAMES utf8mb4;

-- ---------------------------------------------------------------------------
-- Cross-field rules: left <op> right must hold when both values are given.
-- ---------------------------------------------------------------------------
INSERT INTO indicator_rule (left_id, op, right_id, message, message_en)
SELECT l.id, r.op, rr.id, r.message, r.message_en
FROM (
  SELECT 'DVC-TT' AS l_code, '<=' AS op, 'DVC-TOTAL' AS r_code,
         'Số dịch vụ công trực tuyến toàn trình không được lớn hơn tổng số thủ tục hành chính' AS message,
         'End-to-end online public services cannot exceed the total number of administrative procedures' AS message_en
  UNION ALL
  SELECT 'DOC-SIGNED', '<=', 'DOC-TOTAL',
         'Số văn bản đi được ký số không được lớn hơn tổng số văn bản đi được phát hành trong kỳ',
         'Digitally signed outgoing documents cannot exceed all outgoing documents issued in the period'
  UNION ALL
  SELECT 'ATTT-SUCO-XL', '<=', 'ATTT-SUCO-PH',
         'Số sự cố an toàn thông tin mạng đã xử lý không được lớn hơn số sự cố được phát hiện trong kỳ',
         'Information security incidents handled cannot exceed incidents detected in the period'
  UNION ALL
  SELECT 'TC-NS-CHI', '<=', 'TC-NS-GIAO',
         'Kinh phí đã giải ngân cho ứng dụng công nghệ thông tin, chuyển đổi số không được lớn hơn kinh phí được giao trong năm',
         'IT and digital transformation budget spent cannot exceed the budget allocated for the year'
) AS r
JOIN indicator l  ON l.code  = r.l_code
JOIN indicator rr ON rr.code = r.r_code;

-- ---------------------------------------------------------------------------
-- City-wide targets (unit_id NULL) for 2024-2026.  ILLUSTRATIVE ONLY: the
-- values are plausible placeholders, not taken from a city decision; the
-- working group must replace them with the figures of the city's plan.
-- Yes/no indicators: 1 = every reporting unit answers "yes".
-- ---------------------------------------------------------------------------
INSERT INTO target (indicator_id, year, unit_id, target_value, source)
SELECT i.id, t.y, NULL, t.v, 'Kế hoạch chuyển đổi số thành phố (minh họa, chưa xác minh)'
FROM (
  -- awareness
  SELECT 'NT-BCD-HOP' AS code, 2024 AS y, 4 AS v UNION ALL
  SELECT 'NT-BCD-HOP', 2025, 4 UNION ALL
  SELECT 'NT-BCD-HOP', 2026, 4 UNION ALL
  SELECT 'NT-HOP-CHUTRI', 2024, 70 UNION ALL
  SELECT 'NT-HOP-CHUTRI', 2025, 80 UNION ALL
  SELECT 'NT-HOP-CHUTRI', 2026, 90 UNION ALL
  SELECT 'NT-CONGTT-CDS', 2024, 1 UNION ALL
  SELECT 'NT-CONGTT-CDS', 2025, 1 UNION ALL
  SELECT 'NT-CONGTT-CDS', 2026, 1 UNION ALL
  -- institutions
  SELECT 'TC-VANBAN-CD', 2024, 90 UNION ALL
  SELECT 'TC-VANBAN-CD', 2025, 95 UNION ALL
  SELECT 'TC-VANBAN-CD', 2026, 100 UNION ALL
  SELECT 'TC-KEHOACH', 2024, 1 UNION ALL
  SELECT 'TC-KEHOACH', 2025, 1 UNION ALL
  SELECT 'TC-KEHOACH', 2026, 1 UNION ALL
  -- infrastructure
  SELECT 'HT-MAYTINH', 2024, 100 UNION ALL
  SELECT 'HT-MAYTINH', 2025, 100 UNION ALL
  SELECT 'HT-MAYTINH', 2026, 100 UNION ALL
  SELECT 'HT-BANGTHONG', 2024, 5 UNION ALL
  SELECT 'HT-BANGTHONG', 2025, 8 UNION ALL
  SELECT 'HT-BANGTHONG', 2026, 10 UNION ALL
  SELECT 'HT-TSLCD', 2024, 1 UNION ALL
  SELECT 'HT-TSLCD', 2025, 1 UNION ALL
  SELECT 'HT-TSLCD', 2026, 1 UNION ALL
  SELECT 'HT-IPV6', 2024, 1 UNION ALL
  SELECT 'HT-IPV6', 2025, 1 UNION ALL
  SELECT 'HT-IPV6', 2026, 1 UNION ALL
  SELECT 'HT-CLOUD', 2024, 1 UNION ALL
  SELECT 'HT-CLOUD', 2025, 1 UNION ALL
  SELECT 'HT-CLOUD', 2026, 1 UNION ALL
  -- platforms
  SELECT 'NEN-LGSP', 2024, 1 UNION ALL
  SELECT 'NEN-LGSP', 2025, 1 UNION ALL
  SELECT 'NEN-LGSP', 2026, 1 UNION ALL
  -- human resources (city-wide sum of attendances in the year)
  SELECT 'NL-TAPHUAN', 2024, 5000 UNION ALL
  SELECT 'NL-TAPHUAN', 2025, 6000 UNION ALL
  SELECT 'NL-TAPHUAN', 2026, 8000 UNION ALL
  -- security
  SELECT 'ATTT-DIETVIRUS', 2024, 90 UNION ALL
  SELECT 'ATTT-DIETVIRUS', 2025, 95 UNION ALL
  SELECT 'ATTT-DIETVIRUS', 2026, 100 UNION ALL
  SELECT 'ATTT-CAPDO', 2024, 80 UNION ALL
  SELECT 'ATTT-CAPDO', 2025, 90 UNION ALL
  SELECT 'ATTT-CAPDO', 2026, 100 UNION ALL
  -- digital government
  SELECT 'CQS-VB-DIENTU', 2024, 90 UNION ALL
  SELECT 'CQS-VB-DIENTU', 2025, 95 UNION ALL
  SELECT 'CQS-VB-DIENTU', 2026, 98 UNION ALL
  SELECT 'CQS-THUDIENTU', 2024, 90 UNION ALL
  SELECT 'CQS-THUDIENTU', 2025, 95 UNION ALL
  SELECT 'CQS-THUDIENTU', 2026, 100 UNION ALL
  SELECT 'DVC-PHATSINH', 2024, 50 UNION ALL
  SELECT 'DVC-PHATSINH', 2025, 60 UNION ALL
  SELECT 'DVC-PHATSINH', 2026, 70 UNION ALL
  SELECT 'DVC-HS-TRUCTUYEN', 2024, 50 UNION ALL
  SELECT 'DVC-HS-TRUCTUYEN', 2025, 60 UNION ALL
  SELECT 'DVC-HS-TRUCTUYEN', 2026, 70 UNION ALL
  SELECT 'DVC-HS-TOANTRINH', 2024, 40 UNION ALL
  SELECT 'DVC-HS-TOANTRINH', 2025, 50 UNION ALL
  SELECT 'DVC-HS-TOANTRINH', 2026, 60 UNION ALL
  SELECT 'DVC-HS-DUNGHAN', 2024, 95 UNION ALL
  SELECT 'DVC-HS-DUNGHAN', 2025, 98 UNION ALL
  SELECT 'DVC-HS-DUNGHAN', 2026, 98 UNION ALL
  -- digital society (city level)
  SELECT 'XHS-HGD-INTERNET', 2024, 80 UNION ALL
  SELECT 'XHS-HGD-INTERNET', 2025, 85 UNION ALL
  SELECT 'XHS-HGD-INTERNET', 2026, 90 UNION ALL
  SELECT 'XHS-SMARTPHONE', 2024, 85 UNION ALL
  SELECT 'XHS-SMARTPHONE', 2025, 90 UNION ALL
  SELECT 'XHS-SMARTPHONE', 2026, 95 UNION ALL
  -- digital economy (city level)
  SELECT 'KTS-GRDP', 2024, 18 UNION ALL
  SELECT 'KTS-GRDP', 2025, 20 UNION ALL
  SELECT 'KTS-GRDP', 2026, 22 UNION ALL
  SELECT 'KTS-CNTT-DN', 2024, 1000 UNION ALL
  SELECT 'KTS-CNTT-DN', 2025, 1100 UNION ALL
  SELECT 'KTS-CNTT-DN', 2026, 1200 UNION ALL
  -- administrative modernisation
  SELECT 'CCHC-ISO', 2024, 1 UNION ALL
  SELECT 'CCHC-ISO', 2025, 1 UNION ALL
  SELECT 'CCHC-ISO', 2026, 1
) AS t
JOIN indicator i ON i.code = t.code;
