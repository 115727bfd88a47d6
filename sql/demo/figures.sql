-- Demo data for 2026: submissions and figures for Q2 and Q3 2026 (accepted),
-- and a few Q4 2026 forms.  Plain SQL, run after the reference data (pillars,
-- units, indicators), the periods (kind 'Q', year 2026, seq 2..4) and the demo
-- users (canbo.hongbang, canbo.noivu, totonghop) exist.  sql/demo/history.sql
-- runs next and adds Q1/2025 .. Q1/2026 with the same value model (the
-- functions demo_value and demo_text below; history.sql drops them).
--
-- Story told by the data:
--   * Every unit valid on the period's cut-off end (10 commune-level units and
--     14 departments) submits Q2 on time, but S-NGOAIVU is 4 days late; the
--     working group accepts.
--   * Q3: X-ANLAO, S-YTE and BQL-KKT submit after the due date (accepted, with
--     a comment); DK-CATHAI and S-TUPHAP have no Q3 submission (missing).
--   * Q4 (still open): S-TAICHINH (complete) and P-LECHAN (required figures
--     missing) wait for review; P-HONGBANG and S-NOIVU have nothing yet (the
--     demo officers fill Q4 in themselves); the others have not started.
--   * Units without a demo login of their own (everyone except P-HONGBANG and
--     S-NOIVU) are recorded as entered by the working group (totonghop).
-- Times are UTC and derived from each period's opens_on/due_on, so the file
-- does not depend on the exact calendar; nothing is dated in the future.
-- Values are pseudo-random but deterministic (CRC32 of unit/indicator/period),
-- trend towards the targets over the quarters, and respect the indicators'
-- ranges and the cross-field rules of sql/reference/rules_targets.sql.

SET NAMES utf8mb4;

-- ---------------------------------------------------------------------------
-- The demo's value model, shared with sql/demo/history.sql (which drops these
-- two functions when it is done; they are not part of the schema).
--   t: quarters since Q1/2025 (0 .. 7 for Q1/2025 .. Q4/2026).
--   Percentages: level + slope * t + a stable offset per unit (u) + noise per
--     period (n), so each unit's series rises smoothly towards the targets of
--     sql/reference/rules_targets.sql and the city mean with it.
--   Yes/no: a unit answers yes once its stable draw falls below a share that
--     grows every quarter, so answers only ever flip from no to yes.
--   Counts of the period (documents, trainings, incidents) scale with cov,
--     the share of the cut-off window the unit existed in (a district's last
--     fortnight of Q3/2025, a merged department's first fortnight of Q1/2025).
--   Both sides of a cross-field rule come from the same per-unit draws, so
--   DVC-TT <= DVC-TOTAL, DOC-SIGNED <= DOC-TOTAL, ATTT-SUCO-XL <= ATTT-SUCO-PH
--   and TC-NS-CHI <= TC-NS-GIAO always hold; every value ends clamped to the
--   indicator's min/max.  Indicators added later get a default by value type.
-- ---------------------------------------------------------------------------
DROP FUNCTION IF EXISTS demo_text;
DROP FUNCTION IF EXISTS demo_value;
CREATE FUNCTION demo_value(u_code VARCHAR(32), u_kind VARCHAR(16), i_code VARCHAR(32),
                           i_vtype VARCHAR(16), i_min DECIMAL(20,6), i_max DECIMAL(20,6),
                           p_year INT, p_seq INT, cov DECIMAL(9,6))
RETURNS DECIMAL(20,6) DETERMINISTIC
BEGIN
  DECLARE t INT DEFAULT (p_year - 2025) * 4 + p_seq - 1;
  DECLARE hi, hs, hu, hv, hy, hd, hb BIGINT;
  DECLARE u, n, l0, sl, sp, nz DOUBLE;
  DECLARE total, v DECIMAL(20,6);
  SET hi = CRC32(CONCAT_WS('|', u_code, i_code, p_year, p_seq)),   -- unit, indicator, period
      hs = CRC32(CONCAT_WS('|', u_code, i_code)),                  -- unit, indicator (stable)
      hu = CRC32(CONCAT_WS('|', u_code, p_year, p_seq, 'A')),      -- unit, period: both sides
      hv = CRC32(CONCAT_WS('|', u_code, p_year, p_seq, 'B')),      --   of a rule share these
      hy = CRC32(CONCAT_WS('|', u_code, p_year)),                  -- unit, year
      hd = CRC32(CONCAT_WS('|', u_code, 'DVC')),                   -- unit: service catalogue
      hb = CRC32(CONCAT_WS('|', u_code, 'NS'));                    -- unit: its size
  SET u = MOD(hs, 1000) / 999, n = MOD(hi, 1000) / 999;
  -- level at Q1/2025, rise per quarter, spread between units, noise per period
  CASE i_code
    WHEN 'NT-HOP-CHUTRI'    THEN SET l0 = 62, sl = 3.0, sp = 20, nz = 6;
    WHEN 'TC-VANBAN-CD'     THEN SET l0 = 78, sl = 2.5, sp = 14, nz = 4;
    WHEN 'HT-MAYTINH'       THEN SET l0 = 88, sl = 1.4, sp = 10, nz = 2;
    WHEN 'HT-BANGTHONG'     THEN SET l0 = 4.5, sl = 0.7, sp = 3, nz = 0.8;
    WHEN 'ATTT-DIETVIRUS'   THEN SET l0 = 80, sl = 2.2, sp = 12, nz = 4;
    WHEN 'ATTT-CAPDO'       THEN SET l0 = 55, sl = 4.5, sp = 20, nz = 5;
    WHEN 'CQS-VB-DIENTU'    THEN SET l0 = 84, sl = 1.6, sp = 10, nz = 3;
    WHEN 'CQS-THUDIENTU'    THEN SET l0 = 82, sl = 2.0, sp = 12, nz = 3;
    WHEN 'DVC-PHATSINH'     THEN SET l0 = 42, sl = 3.5, sp = 20, nz = 6;
    WHEN 'DVC-HS-TRUCTUYEN' THEN SET l0 = 40, sl = 4.0, sp = 24, nz = 6;
    WHEN 'DVC-HS-TOANTRINH' THEN SET l0 = 30, sl = 4.0, sp = 20, nz = 6;
    WHEN 'DVC-HS-DUNGHAN'   THEN SET l0 = 93, sl = 0.6, sp = 6, nz = 2;
    WHEN 'XHS-HGD-INTERNET' THEN SET l0 = 80, sl = 1.3, sp = 0, nz = 1;
    WHEN 'XHS-SMARTPHONE'   THEN SET l0 = 85.5, sl = 1.2, sp = 0, nz = 1;
    WHEN 'KTS-GRDP'         THEN SET l0 = 17.5, sl = 0.55, sp = 0, nz = 0.6;
    -- yes/no: share of units answering yes at Q1/2025 (%), rise per quarter
    WHEN 'NT-CONGTT-CDS'    THEN SET l0 = 55, sl = 6;
    WHEN 'HT-TSLCD'         THEN SET l0 = 75, sl = 4;
    WHEN 'HT-IPV6'          THEN SET l0 = 20, sl = 8;
    WHEN 'HT-CLOUD'         THEN SET l0 = 35, sl = 7;
    WHEN 'NEN-LGSP'         THEN SET l0 = 45, sl = 7;
    WHEN 'CCHC-ISO'         THEN SET l0 = 60, sl = 5;
    ELSE SET l0 = NULL;
  END CASE;
  IF i_vtype = 'percent' OR (i_vtype = 'decimal' AND l0 IS NOT NULL) THEN
    IF l0 IS NULL THEN SET l0 = 60, sl = 3, sp = 20, nz = 6; END IF;
    SET v = ROUND(l0 + sl * t + sp * (u - 0.5) + nz * (n - 0.5), 1);
  ELSEIF i_code = 'TC-KEHOACH' THEN
    -- the year's plan: most units issue it in the first quarter, the rest later
    SET v = IF(MOD(CRC32(CONCAT_WS('|', u_code, 'KH', p_year)), 100)
               < 62 + 12 * (p_seq - 1) + 12 * (p_year - 2025), 1, 0);
  ELSEIF i_vtype = 'yesno' THEN
    SET v = IF(MOD(hs, 100) < COALESCE(l0, 50) + COALESCE(sl, 6) * t, 1, 0);
  ELSE
    CASE i_code
      WHEN 'DVC-TOTAL' THEN SET v = 150 + MOD(hd, 250);
      WHEN 'DVC-TT' THEN SET v = FLOOR((150 + MOD(hd, 250)) * LEAST(95, 22 + 5 * t + MOD(hu, 15)) / 100);
      WHEN 'DOC-TOTAL' THEN
        SET v = FLOOR(cov * (0.85 + MOD(hu, 300) / 1000)
                      * CASE u_kind WHEN 'department' THEN 600 + MOD(hb DIV 7, 1400)
                                    WHEN 'district' THEN 900 + MOD(hb DIV 7, 1600)
                                    ELSE 250 + MOD(hb DIV 7, 600) END);
      WHEN 'DOC-SIGNED' THEN
        SET total = FLOOR(cov * (0.85 + MOD(hu, 300) / 1000)
                          * CASE u_kind WHEN 'department' THEN 600 + MOD(hb DIV 7, 1400)
                                        WHEN 'district' THEN 900 + MOD(hb DIV 7, 1600)
                                        ELSE 250 + MOD(hb DIV 7, 600) END);
        SET v = FLOOR(total * LEAST(100, 58 + 4.8 * t + MOD(hv, 12)) / 100);
      WHEN 'ATTT-SUCO-PH' THEN SET v = ROUND(cov * MOD(hu, 6));
      WHEN 'ATTT-SUCO-XL' THEN
        SET total = ROUND(cov * MOD(hu, 6));
        SET v = total - IF(total > 0 AND MOD(hv, 100) < GREATEST(0, 45 - 7 * t), 1, 0);
      WHEN 'TC-NS-GIAO' THEN
        SET v = ROUND((CASE u_kind WHEN 'department' THEN 800 + MOD(hb, 4200)
                                   WHEN 'district' THEN 1500 + MOD(hb, 4500)
                                   ELSE 200 + MOD(hb, 1300) END)
                      * (1 + 0.12 * (p_year - 2025)) * (0.95 + MOD(hy, 100) / 990), 1);
      WHEN 'TC-NS-CHI' THEN
        SET total = ROUND((CASE u_kind WHEN 'department' THEN 800 + MOD(hb, 4200)
                                       WHEN 'district' THEN 1500 + MOD(hb, 4500)
                                       ELSE 200 + MOD(hb, 1300) END)
                          * (1 + 0.12 * (p_year - 2025)) * (0.95 + MOD(hy, 100) / 990), 1);
        -- spent so far this year: about a fifth a quarter, a little faster in 2026
        SET v = ROUND(total * LEAST(100, 17 * p_seq + MOD(hv, 12) + 4 * (p_year - 2025)) / 100, 1);
      WHEN 'NT-BCD-HOP' THEN
        -- meetings so far this year (one a quarter is the plan); fewer units behind over time
        SET v = GREATEST(0, p_seq - IF(MOD(hi, 100) < GREATEST(8, 45 - 6 * t), 1, 0)
                                  - IF(MOD(hi, 100) < GREATEST(0, 15 - 3 * t), 1, 0)
                               + IF(MOD(hs, 10) = 0 AND p_seq >= 2, 1, 0));
      WHEN 'NL-CHUYENTRACH' THEN
        SET v = 1 + MOD(hs, 3) + IF(u_kind = 'commune', 0, 1) + IF(t >= 2 + MOD(hs DIV 3, 7), 1, 0);
      WHEN 'NL-TAPHUAN' THEN
        SET v = ROUND(cov * (CASE u_kind WHEN 'department' THEN 40 WHEN 'district' THEN 90 ELSE 35 END
                             + MOD(hs, 50)) * (1 + 0.06 * t) * (0.75 + 0.5 * n));
      WHEN 'HT-UD-WAN' THEN SET v = 3 + MOD(hs, 8) + FLOOR(t * (1 + MOD(hs DIV 8, 3)) / 4);
      WHEN 'HT-TTDL' THEN SET v = IF(t >= 6, 2, 1);
      WHEN 'KTS-CNTT-DT' THEN SET v = ROUND(280000 * (1 + 0.02 * t) + MOD(hi, 10000) - 5000, 1);
      WHEN 'KTS-CNTT-DN' THEN SET v = 1000 + 25 * t + MOD(hi, 20);
      WHEN 'KTS-CNTT-LD' THEN SET v = 82000 + 1200 * t + MOD(hi, 800);
      ELSE
        -- defaults by value type: a stable level per unit that grows a little
        CASE i_vtype
          WHEN 'integer' THEN SET v = COALESCE(i_min, 0) + MOD(hs, 50) + 2 * t + MOD(hi, 10);
          WHEN 'decimal' THEN SET v = COALESCE(i_min, 0) + (MOD(hs, 500) + 20 * t + MOD(hi, 100)) / 10;
          ELSE SET v = NULL;
        END CASE;
    END CASE;
  END IF;
  IF v IS NOT NULL AND i_min IS NOT NULL THEN SET v = GREATEST(v, i_min); END IF;
  IF v IS NOT NULL AND i_max IS NOT NULL THEN SET v = LEAST(v, i_max); END IF;
  RETURN v;
END;

-- The reference of the year's plan (TC-KEHOACH-SO), given when TC-KEHOACH is
-- yes, dated in the quarter the unit first answered yes.
CREATE FUNCTION demo_text(u_code VARCHAR(32), u_kind VARCHAR(16), i_code VARCHAR(32),
                          p_year INT, p_seq INT)
RETURNS VARCHAR(2000) DETERMINISTIC
BEGIN
  DECLARE first_q INT DEFAULT 0;
  DECLARE q INT DEFAULT 1;
  IF i_code <> 'TC-KEHOACH-SO' THEN RETURN NULL; END IF;
  WHILE q <= p_seq AND first_q = 0 DO
    IF demo_value(u_code, u_kind, 'TC-KEHOACH', 'yesno', 0, 1, p_year, q, 1) = 1 THEN
      SET first_q = q;
    END IF;
    SET q = q + 1;
  END WHILE;
  IF first_q = 0 THEN RETURN NULL; END IF;
  RETURN CONCAT('Kế hoạch số ', 20 + MOD(CRC32(CONCAT_WS('|', u_code, i_code, p_year)), 180), '/KH-',
                CASE u_code
                  WHEN 'S-NOIVU' THEN 'SNV' WHEN 'S-TAICHINH' THEN 'STC' WHEN 'S-XAYDUNG' THEN 'SXD'
                  WHEN 'S-KHCN' THEN 'SKHCN' WHEN 'S-NNMT' THEN 'SNNMT' WHEN 'S-VHTTDL' THEN 'SVHTTDL'
                  WHEN 'S-KHDT' THEN 'SKHĐT' WHEN 'S-GTVT' THEN 'SGTVT' WHEN 'S-TNMT' THEN 'STNMT'
                  WHEN 'S-NNPTNT' THEN 'SNNPTNT' WHEN 'S-TTTT' THEN 'STTTT' WHEN 'S-LDTBXH' THEN 'SLĐTBXH'
                  WHEN 'S-VHTT' THEN 'SVHTT' WHEN 'S-DULICH' THEN 'SDL' WHEN 'VP-UBND' THEN 'VP'
                  WHEN 'S-TUPHAP' THEN 'STP' WHEN 'S-CONGTHUONG' THEN 'SCT' WHEN 'S-GDDT' THEN 'SGDĐT'
                  WHEN 'S-YTE' THEN 'SYT' WHEN 'S-NGOAIVU' THEN 'SNgV' WHEN 'TT-TP' THEN 'TTr'
                  WHEN 'BQL-KKT' THEN 'BQL'
                  ELSE 'UBND' END,
                ' ngày ',
                DATE_FORMAT(MAKEDATE(p_year, 5 + MOD(CRC32(CONCAT_WS('|', u_code, 'KHD', p_year)), 60)
                                             + 91 * (first_q - 1)), '%d/%m/%Y'),
                ' về chuyển đổi số năm ', p_year);
END;

-- ---------------------------------------------------------------------------
-- Submissions
-- ---------------------------------------------------------------------------
INSERT INTO submission (unit_id, period_id, status, version, problems, proposals,
                        review_comment, created_at, created_by, updated_at, updated_by,
                        submitted_at, submitted_by, reviewed_at, reviewed_by)
SELECT x.unit_id, x.period_id, x.status, 1, x.problems, x.proposals,
       CASE WHEN x.status <> 'accepted' THEN NULL
            WHEN x.sub_day > 0 THEN 'Báo cáo nộp muộn so với thời hạn; đã tiếp nhận.'
            ELSE 'Đã tiếp nhận.' END,
       x.created_at, x.officer_id,
       IF(x.status = 'draft', x.created_at + INTERVAL 2 HOUR, x.submitted_at), x.officer_id,
       IF(x.status = 'draft', NULL, x.submitted_at),
       IF(x.status = 'draft', NULL, x.officer_id),
       IF(x.status = 'accepted', x.submitted_at + INTERVAL x.rev_day DAY + INTERVAL 150 MINUTE, NULL),
       IF(x.status = 'accepted', x.reviewer_id, NULL)
FROM (
  SELECT u.id AS unit_id, p.id AS period_id, d.status, d.sub_day, d.rev_day,
         (SELECT id FROM app_user WHERE login = d.officer) AS officer_id,
         (SELECT id FROM app_user WHERE login = 'totonghop') AS reviewer_id,
         TIMESTAMP(p.due_on + INTERVAL d.sub_day DAY, d.sub_time) AS submitted_at,
         CASE WHEN d.status = 'draft'
              THEN LEAST(TIMESTAMP(p.opens_on + INTERVAL d.cre_day DAY, '01:40:00'),
                         UTC_TIMESTAMP() - INTERVAL 3 HOUR)
              ELSE LEAST(TIMESTAMP(p.opens_on + INTERVAL d.cre_day DAY, '01:40:00'),
                         TIMESTAMP(p.due_on + INTERVAL d.sub_day DAY, d.sub_time) - INTERVAL 2 DAY)
         END AS created_at,
         IF(d.status = 'draft', NULL,
            ELT(1 + MOD(CRC32(CONCAT_WS('|', u.code, p.year, p.seq, 'pb')), 5),
                'Thiếu cán bộ chuyên trách công nghệ thông tin; kinh phí cho chuyển đổi số còn hạn chế.',
                'Một số phần mềm chuyên ngành chưa kết nối với Nền tảng tích hợp, chia sẻ dữ liệu (LGSP).',
                'Tỷ lệ hồ sơ nộp trực tuyến còn thấp do người dân chưa quen sử dụng dịch vụ công trực tuyến.',
                'Đường truyền Internet tại bộ phận một cửa chưa ổn định; một số máy tính đã cũ.',
                NULL)) AS problems,
         IF(d.status = 'draft', NULL,
            ELT(1 + MOD(CRC32(CONCAT_WS('|', u.code, p.year, p.seq, 'pp')), 5),
                'Đề nghị Sở Khoa học và Công nghệ tổ chức tập huấn kỹ năng số cho cán bộ, công chức.',
                'Đề nghị bổ sung kinh phí nâng cấp đường truyền và thiết bị.',
                'Đề nghị hướng dẫn thống nhất cách tính tỷ lệ hồ sơ xử lý trực tuyến toàn trình.',
                NULL,
                NULL)) AS proposals
  FROM (
    --     unit           quarter status      created  submitted (days vs due, UTC time)  reviewed  login
    SELECT 'P-HONGBANG' AS unit_code, 2 AS seq, 'accepted' AS status, 2 AS cre_day, -3 AS sub_day, '02:15:00' AS sub_time, 2 AS rev_day, 'canbo.hongbang' AS officer UNION ALL
    SELECT 'P-NGOQUYEN',   2, 'accepted', 1, -2, '03:05:00', 2, 'totonghop'      UNION ALL
    SELECT 'P-LECHAN',     2, 'accepted', 3, -1, '08:40:00', 3, 'totonghop'      UNION ALL
    SELECT 'P-HAIAN',      2, 'accepted', 2, -4, '01:50:00', 2, 'totonghop'      UNION ALL
    SELECT 'P-KIENAN',     2, 'accepted', 4, -2, '07:20:00', 2, 'totonghop'      UNION ALL
    SELECT 'P-DOSON',      2, 'accepted', 1, -5, '02:35:00', 3, 'totonghop'      UNION ALL
    SELECT 'DK-CATHAI',    2, 'accepted', 3, -1, '09:10:00', 2, 'totonghop'      UNION ALL
    SELECT 'X-ANLAO',      2, 'accepted', 5,  0, '04:00:00', 3, 'totonghop'      UNION ALL
    SELECT 'S-NOIVU',      2, 'accepted', 1, -3, '03:30:00', 2, 'canbo.noivu'    UNION ALL
    SELECT 'S-TAICHINH',   2, 'accepted', 2, -2, '02:45:00', 2, 'totonghop'      UNION ALL
    SELECT 'S-XAYDUNG',    2, 'accepted', 3, -1, '06:55:00', 3, 'totonghop'      UNION ALL
    SELECT 'S-KHCN',       2, 'accepted', 1, -6, '01:25:00', 1, 'totonghop'      UNION ALL
    SELECT 'S-NNMT',       2, 'accepted', 2, -2, '08:05:00', 2, 'totonghop'      UNION ALL
    SELECT 'S-VHTTDL',     2, 'accepted', 4, -1, '03:50:00', 2, 'totonghop'      UNION ALL
    SELECT 'S-TUPHAP',     2, 'accepted', 2, -3, '02:20:00', 2, 'totonghop'      UNION ALL
    SELECT 'S-YTE',        2, 'accepted', 3,  0, '09:35:00', 3, 'totonghop'      UNION ALL
    SELECT 'DK-BACHLONGVI',2, 'accepted', 2, -2, '02:30:00', 2, 'totonghop'      UNION ALL
    SELECT 'X-TIENLANG',   2, 'accepted', 3, -3, '03:20:00', 2, 'totonghop'      UNION ALL
    SELECT 'VP-UBND',      2, 'accepted', 1, -4, '01:55:00', 1, 'totonghop'      UNION ALL
    SELECT 'S-CONGTHUONG', 2, 'accepted', 2, -1, '08:25:00', 2, 'totonghop'      UNION ALL
    SELECT 'S-GDDT',       2, 'accepted', 3, -2, '04:10:00', 3, 'totonghop'      UNION ALL
    SELECT 'S-NGOAIVU',    2, 'accepted', 5,  4, '02:40:00', 2, 'totonghop'      UNION ALL
    SELECT 'TT-TP',        2, 'accepted', 2, -3, '03:00:00', 2, 'totonghop'      UNION ALL
    SELECT 'BQL-KKT',      2, 'accepted', 4, -1, '07:35:00', 2, 'totonghop'      UNION ALL
    -- Q3: DK-CATHAI and S-TUPHAP missing; X-ANLAO, S-YTE and BQL-KKT late
    SELECT 'P-HONGBANG',   3, 'accepted', 1, -2, '03:40:00', 2, 'canbo.hongbang' UNION ALL
    SELECT 'P-NGOQUYEN',   3, 'accepted', 2, -3, '02:10:00', 2, 'totonghop'      UNION ALL
    SELECT 'P-LECHAN',     3, 'accepted', 2, -1, '07:45:00', 2, 'totonghop'      UNION ALL
    SELECT 'P-HAIAN',      3, 'accepted', 1, -4, '01:35:00', 3, 'totonghop'      UNION ALL
    SELECT 'P-KIENAN',     3, 'accepted', 3, -2, '04:25:00', 2, 'totonghop'      UNION ALL
    SELECT 'P-DOSON',      3, 'accepted', 2, -1, '08:15:00', 2, 'totonghop'      UNION ALL
    SELECT 'X-ANLAO',      3, 'accepted', 6,  3, '02:50:00', 2, 'totonghop'      UNION ALL
    SELECT 'S-NOIVU',      3, 'accepted', 1, -4, '02:05:00', 2, 'canbo.noivu'    UNION ALL
    SELECT 'S-TAICHINH',   3, 'accepted', 2, -2, '03:15:00', 1, 'totonghop'      UNION ALL
    SELECT 'S-XAYDUNG',    3, 'accepted', 2, -1, '09:00:00', 2, 'totonghop'      UNION ALL
    SELECT 'S-KHCN',       3, 'accepted', 1, -5, '01:45:00', 2, 'totonghop'      UNION ALL
    SELECT 'S-NNMT',       3, 'accepted', 3, -3, '06:30:00', 2, 'totonghop'      UNION ALL
    SELECT 'S-VHTTDL',     3, 'accepted', 2, -2, '02:55:00', 3, 'totonghop'      UNION ALL
    SELECT 'S-YTE',        3, 'accepted', 4,  2, '07:10:00', 2, 'totonghop'      UNION ALL
    SELECT 'DK-BACHLONGVI',3, 'accepted', 2, -3, '02:15:00', 2, 'totonghop'      UNION ALL
    SELECT 'X-TIENLANG',   3, 'accepted', 1, -2, '04:45:00', 3, 'totonghop'      UNION ALL
    SELECT 'VP-UBND',      3, 'accepted', 1, -5, '01:30:00', 1, 'totonghop'      UNION ALL
    SELECT 'S-CONGTHUONG', 3, 'accepted', 3, -1, '09:05:00', 2, 'totonghop'      UNION ALL
    SELECT 'S-GDDT',       3, 'accepted', 2, -2, '03:35:00', 2, 'totonghop'      UNION ALL
    SELECT 'S-NGOAIVU',    3, 'accepted', 2, -1, '06:20:00', 2, 'totonghop'      UNION ALL
    SELECT 'TT-TP',        3, 'accepted', 3, -4, '02:25:00', 2, 'totonghop'      UNION ALL
    SELECT 'BQL-KKT',      3, 'accepted', 5,  6, '08:50:00', 3, 'totonghop'      UNION ALL
    -- Q4: drafts only, and none for the two demo officers' units
    SELECT 'S-TAICHINH',   4, 'draft',    2,  0, '00:00:00', 0, 'totonghop'      UNION ALL
    SELECT 'P-LECHAN',     4, 'draft',    3,  0, '00:00:00', 0, 'totonghop'
  ) AS d
  JOIN unit u   ON u.code = d.unit_code
  JOIN period p ON p.kind = 'Q' AND p.year = 2026 AND p.seq = d.seq
  WHERE u.valid_from <= p.cutoff_end
    AND (u.valid_to IS NULL OR u.valid_to >= p.cutoff_end)
    AND NOT EXISTS (SELECT 1 FROM submission s0 WHERE s0.unit_id = u.id AND s0.period_id = p.id)
) AS x;

-- ---------------------------------------------------------------------------
-- Figures: one row per submission x active indicator its unit kind reports,
-- valued by demo_value/demo_text.  City-level indicators (unit_kinds
-- 'department' only, not required) are reported by S-KHCN alone.  Drafts hold
-- the first 20 indicators (sort <= 200).
-- ---------------------------------------------------------------------------
INSERT INTO figure (submission_id, indicator_id, num_value, text_value, not_applicable,
                    note, updated_at, updated_by)
SELECT v.submission_id, v.indicator_id, v.num_value, v.text_value, 0, NULL,
       v.updated_at, v.updated_by
FROM (
  SELECT s.id AS submission_id, i.id AS indicator_id,
         IF(s.status = 'draft', s.updated_at, s.submitted_at) AS updated_at, s.updated_by,
         IF(i.vtype IN ('text', 'date'), NULL,
            demo_value(u.code, u.kind, i.code, i.vtype, i.min_value, i.max_value, p.year, p.seq, 1))
           AS num_value,
         IF(i.vtype = 'text', demo_text(u.code, u.kind, i.code, p.year, p.seq), NULL) AS text_value
  FROM submission s
  JOIN unit u      ON u.id = s.unit_id
  JOIN period p    ON p.id = s.period_id
  JOIN indicator i ON i.active = 1 AND FIND_IN_SET(u.kind, i.unit_kinds) > 0
  WHERE p.kind = 'Q' AND p.year = 2026 AND p.seq IN (2, 3, 4)
    AND (s.status <> 'draft' OR i.sort <= 200)
    AND (i.unit_kinds <> 'department' OR i.required = 1 OR u.code = 'S-KHCN')
    AND NOT EXISTS (SELECT 1 FROM figure f0 WHERE f0.submission_id = s.id)
) AS v
WHERE v.num_value IS NOT NULL OR v.text_value IS NOT NULL;

-- Two Q4 forms waiting in the working group's queue: Finance complete, the
-- ward of Lê Chân with required figures still missing (a form to return).
UPDATE submission s
JOIN unit u ON u.id = s.unit_id
JOIN period p ON p.id = s.period_id
SET s.status = 'submitted',
    s.submitted_at = LEAST(UTC_TIMESTAMP() - INTERVAL 2 HOUR, s.updated_at + INTERVAL 1 DAY),
    s.submitted_by = s.updated_by,
    s.version = s.version + 1
WHERE p.kind = 'Q' AND p.year = 2026 AND p.seq = 4 AND u.code IN ('S-TAICHINH', 'P-LECHAN')
  AND s.status = 'draft';

INSERT INTO figure (submission_id, indicator_id, num_value, text_value, not_applicable, note,
                    updated_at, updated_by)
SELECT s.id, i.id,
       IF(i.vtype IN ('text', 'date'), NULL,
          demo_value(u.code, u.kind, i.code, i.vtype, i.min_value, i.max_value, p.year, p.seq, 1)),
       IF(i.vtype = 'text', demo_text(u.code, u.kind, i.code, p.year, p.seq), NULL), 0, NULL,
       s.submitted_at, s.updated_by
FROM submission s
JOIN unit u ON u.id = s.unit_id AND u.code = 'S-TAICHINH'
JOIN period p ON p.id = s.period_id AND p.kind = 'Q' AND p.year = 2026 AND p.seq = 4
JOIN period_indicator pi ON pi.period_id = p.id AND pi.unit_kind = u.kind
JOIN indicator i ON i.id = pi.indicator_id AND i.required = 1
WHERE NOT EXISTS (SELECT 1 FROM figure f WHERE f.submission_id = s.id AND f.indicator_id = i.id);
