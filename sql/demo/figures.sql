-- Demo history: submissions and figures for Q2 and Q3 2026 (accepted), and a
-- couple of Q4 2026 drafts.  Plain SQL, run after the reference data
-- (pillars, units, indicators), the periods (kind 'Q', year 2026, seq 2..4)
-- and the demo users (canbo.hongbang, canbo.noivu, totonghop) exist.
--
-- Story told by the data:
--   * 8 commune-level units (post-2025) and 8 departments, all valid on the
--     period's cut-off end, submit Q2 on time; the working group accepts.
--   * Q3: X-ANLAO and S-YTE submit after the due date (accepted, with a
--     comment); DK-CATHAI and S-TUPHAP have no Q3 submission (missing).
--   * Q4: S-TAICHINH and P-LECHAN have partly filled drafts; P-HONGBANG and
--     S-NOIVU have nothing yet (the demo officers fill Q4 in themselves).
--   * Units without a demo login of their own (everyone except P-HONGBANG and
--     S-NOIVU) are recorded as entered by the working group (totonghop).
-- Times are UTC and derived from each period's opens_on/due_on, so the file
-- does not depend on the exact calendar; nothing is dated in the future.
-- Values are pseudo-random but deterministic (CRC32 of unit/indicator/period)
-- and respect the indicators' ranges and the cross-field rules of
-- sql/reference/rules_targets.sql.

SET NAMES utf8mb4;

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
    -- Q3: DK-CATHAI and S-TUPHAP missing; X-ANLAO and S-YTE late
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
-- Figures: one row per submission x active indicator its unit kind reports.
-- City-level indicators (unit_kinds 'department' only, not required) are
-- reported by S-KHCN alone.  Drafts hold the first 20 indicators (sort <= 200).
--   hi: per unit, indicator and period   hs: per unit and indicator (stable)
--   hu, hv: per unit and period (shared by the two sides of a rule)
--   hy: per unit and year                hd: per unit (service catalogue)
-- ---------------------------------------------------------------------------
INSERT INTO figure (submission_id, indicator_id, num_value, text_value, not_applicable,
                    note, updated_at, updated_by)
SELECT v.submission_id, v.indicator_id, v.num_value, v.text_value, 0, NULL,
       v.updated_at, v.updated_by
FROM (
  SELECT h.submission_id, h.indicator_id, h.updated_at, h.updated_by,
    CASE
      -- two sides of the rules: compute both from the shared per-unit hashes
      WHEN h.code = 'DVC-TOTAL'    THEN 150 + MOD(h.hd, 250)
      WHEN h.code = 'DVC-TT'       THEN FLOOR((150 + MOD(h.hd, 250)) * (30 + MOD(h.hu, 30) + 5 * h.seq) / 100)
      WHEN h.code = 'DOC-TOTAL'    THEN IF(h.kind = 'department', 600 + MOD(h.hu, 1400), 250 + MOD(h.hu, 600))
      WHEN h.code = 'DOC-SIGNED'   THEN FLOOR(IF(h.kind = 'department', 600 + MOD(h.hu, 1400), 250 + MOD(h.hu, 600))
                                              * (80 + MOD(h.hv, 20)) / 100)
      WHEN h.code = 'ATTT-SUCO-PH' THEN MOD(h.hu, 6)
      WHEN h.code = 'ATTT-SUCO-XL' THEN MOD(h.hu, 6) - IF(MOD(h.hu, 6) > 0 AND MOD(h.hv, 4) = 0, 1, 0)
      WHEN h.code = 'TC-NS-GIAO'   THEN IF(h.kind = 'department', 800 + MOD(h.hy, 4200), 200 + MOD(h.hy, 1300))
      WHEN h.code = 'TC-NS-CHI'    THEN ROUND(IF(h.kind = 'department', 800 + MOD(h.hy, 4200), 200 + MOD(h.hy, 1300))
                                              * (20 * h.seq + MOD(h.hv, 15)) / 100, 1)
      -- counts and measures with their own plausible ranges
      WHEN h.code = 'NT-BCD-HOP'     THEN LEAST(4, h.seq - 1 + MOD(h.hs, 2))
      WHEN h.code = 'NL-CHUYENTRACH' THEN 1 + MOD(h.hs, 4)
      WHEN h.code = 'NL-TAPHUAN'     THEN 10 + MOD(h.hi, 90)
      WHEN h.code = 'HT-UD-WAN'      THEN 3 + MOD(h.hs, 10)
      WHEN h.code = 'HT-TTDL'        THEN IF(h.seq >= 3, 2, 1)
      WHEN h.code = 'HT-BANGTHONG'   THEN 4 + MOD(h.hi, 120) / 10
      WHEN h.code = 'HT-MAYTINH'     THEN LEAST(100, 90 + MOD(h.hi, 100) / 10 + h.seq)
      WHEN h.code = 'KTS-GRDP'         THEN 15 + MOD(h.hi, 30) / 10 + h.seq * 0.4
      WHEN h.code = 'XHS-HGD-INTERNET' THEN 78 + MOD(h.hi, 60) / 10
      WHEN h.code = 'XHS-SMARTPHONE'   THEN 84 + MOD(h.hi, 60) / 10
      WHEN h.code = 'KTS-CNTT-DT'      THEN 300000 + MOD(h.hi, 30000)
      WHEN h.code = 'KTS-CNTT-DN'      THEN 1050 + MOD(h.hi, 100) + 10 * h.seq
      WHEN h.code = 'KTS-CNTT-LD'      THEN 85000 + MOD(h.hi, 5000)
      WHEN h.code = 'DVC-PHATSINH'     THEN 45 + MOD(h.hi, 400) / 10
      WHEN h.code = 'DVC-HS-TRUCTUYEN' THEN 50 + MOD(h.hi, 400) / 10
      WHEN h.code = 'DVC-HS-TOANTRINH' THEN 35 + MOD(h.hi, 350) / 10
      -- defaults by value type (also cover indicators added later)
      WHEN h.vtype = 'percent' THEN LEAST(100, 70 + MOD(h.hi, 280) / 10 + h.seq)
      WHEN h.vtype = 'yesno'   THEN IF(MOD(h.hs, 10) < 5 + h.seq, 1, 0)
      WHEN h.vtype = 'integer' THEN LEAST(COALESCE(h.max_value, 100), COALESCE(h.min_value, 0) + MOD(h.hi, 100))
      WHEN h.vtype = 'decimal' THEN LEAST(COALESCE(h.max_value, 100), COALESCE(h.min_value, 0) + MOD(h.hi, 1000) / 10)
      ELSE NULL
    END AS num_value,
    CASE
      WHEN h.code = 'TC-KEHOACH-SO' THEN
        -- only when TC-KEHOACH (same yes/no formula, keyed on 'TC-KEHOACH') is 1
        IF(MOD(CRC32(CONCAT_WS('|', h.unit_code, 'TC-KEHOACH')), 10) < 5 + h.seq,
           CONCAT('Kế hoạch số ', 20 + MOD(h.hs, 180), '/KH-',
                  CASE h.unit_code
                    WHEN 'S-NOIVU' THEN 'SNV' WHEN 'S-TAICHINH' THEN 'STC'
                    WHEN 'S-XAYDUNG' THEN 'SXD' WHEN 'S-KHCN' THEN 'SKHCN'
                    WHEN 'S-NNMT' THEN 'SNNMT' WHEN 'S-VHTTDL' THEN 'SVHTTDL'
                    WHEN 'S-TUPHAP' THEN 'STP' WHEN 'S-YTE' THEN 'SYT'
                    ELSE 'UBND' END,
                  ' ngày ', DATE_FORMAT(MAKEDATE(h.year, 10 + MOD(h.hs, 60)), '%d/%m/%Y'),
                  ' về chuyển đổi số năm ', h.year),
           NULL)
      ELSE NULL
    END AS text_value
  FROM (
    SELECT s.id AS submission_id, i.id AS indicator_id, i.code, i.vtype,
           i.min_value, i.max_value, u.code AS unit_code, u.kind, p.year, p.seq,
           IF(s.status = 'draft', s.updated_at, s.submitted_at) AS updated_at,
           s.updated_by,
           CRC32(CONCAT_WS('|', u.code, i.code, p.year, p.seq)) AS hi,
           CRC32(CONCAT_WS('|', u.code, i.code)) AS hs,
           CRC32(CONCAT_WS('|', u.code, p.year, p.seq, 'A')) AS hu,
           CRC32(CONCAT_WS('|', u.code, p.year, p.seq, 'B')) AS hv,
           CRC32(CONCAT_WS('|', u.code, p.year)) AS hy,
           CRC32(CONCAT_WS('|', u.code, 'DVC')) AS hd
    FROM submission s
    JOIN unit u      ON u.id = s.unit_id
    JOIN period p    ON p.id = s.period_id
    JOIN indicator i ON i.active = 1 AND FIND_IN_SET(u.kind, i.unit_kinds) > 0
    WHERE p.kind = 'Q' AND p.year = 2026 AND p.seq IN (2, 3, 4)
      AND (s.status <> 'draft' OR i.sort <= 200)
      AND (i.unit_kinds <> 'department' OR i.required = 1 OR u.code = 'S-KHCN')
      AND NOT EXISTS (SELECT 1 FROM figure f0 WHERE f0.submission_id = s.id)
  ) AS h
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
       CASE i.vtype WHEN 'yesno' THEN 1 WHEN 'percent' THEN 85 + MOD(CRC32(i.code), 15)
                    WHEN 'text' THEN NULL ELSE 10 + MOD(CRC32(i.code), 40) END,
       IF(i.vtype = 'text', 'Kế hoạch số 25/KH-STC ngày 12/01/2026', NULL), 0, NULL,
       s.submitted_at, s.updated_by
FROM submission s
JOIN unit u ON u.id = s.unit_id AND u.code = 'S-TAICHINH'
JOIN period p ON p.id = s.period_id AND p.kind = 'Q' AND p.year = 2026 AND p.seq = 4
JOIN period_indicator pi ON pi.period_id = p.id AND pi.unit_kind = u.kind
JOIN indicator i ON i.id = pi.indicator_id AND i.required = 1
WHERE NOT EXISTS (SELECT 1 FROM figure f WHERE f.submission_id = s.id AND f.indicator_id = i.id);
