-- Demo history: the five quarters before Q2/2026 (Q1/2025 .. Q1/2026), so the
-- dashboard opens on 8 quarters of charts.  Plain SQL, run once by
-- `egov-admin run-sql` after sql/demo/figures.sql, whose functions demo_value
-- and demo_text value the figures here too (and are dropped at the end).
--
-- Periods: kind 'Q', cut-off windows of Decree 09/2019 (the 15th of the month
-- before the quarter to the 14th of its last month), opening on the 1st of the
-- last month, due 6 days after the cut-off (the default of egov-admin),
-- closed and locked; each asks every active indicator of the kinds that
-- report it, as `egov-admin period-create` does.
--
-- Who reports: every unit whose validity overlaps the cut-off window (the
-- rule of the working group's completeness page and the reminder job), so
--   * Q1/2025: 15 districts, the 8 departments merged on 01/03/2025 (their
--     last report) and the 14 departments after the merger (S-NNMT and
--     S-VHTTDL for their first fortnight);
--   * Q2/2025: 15 districts and 14 departments;
--   * Q3/2025: the districts' closing report (15-30/06/2025), 10 commune-level
--     units (from 01/07/2025) and 14 departments;
--   * Q4/2025, Q1/2026: 10 commune-level units and 14 departments.
-- Counts of the period (documents, trainings, incidents) shrink with the part
-- of the window a unit existed in.  City-level indicators come from S-TTTT
-- in Q1/2025 (it hosted the working group) and from S-KHCN afterwards.
--
-- Story: every form accepted by the working group; a few units late by 1-10
-- days and a few missing each quarter, more around the reform and fewer as
-- the reporting settles in; S-TTTT and S-KHCN always report.  Deterministic
-- (hashes of unit and period).

SET NAMES utf8mb4;

-- ---------------------------------------------------------------------------
-- Periods and what they ask
-- ---------------------------------------------------------------------------
INSERT INTO period (kind, year, seq, cutoff_start, cutoff_end, opens_on, due_on, is_open, locked)
SELECT 'Q', q.y, q.s,
       MAKEDATE(q.y, 1) + INTERVAL (3 * q.s - 1) MONTH + INTERVAL 13 DAY - INTERVAL 3 MONTH + INTERVAL 1 DAY,
       MAKEDATE(q.y, 1) + INTERVAL (3 * q.s - 1) MONTH + INTERVAL 13 DAY,
       MAKEDATE(q.y, 1) + INTERVAL (3 * q.s - 1) MONTH,
       MAKEDATE(q.y, 1) + INTERVAL (3 * q.s - 1) MONTH + INTERVAL 13 DAY + INTERVAL 6 DAY,
       0, 1
FROM (SELECT 2025 AS y, 1 AS s UNION ALL SELECT 2025, 2 UNION ALL SELECT 2025, 3
      UNION ALL SELECT 2025, 4 UNION ALL SELECT 2026, 1) AS q
WHERE NOT EXISTS (SELECT 1 FROM period p0 WHERE p0.kind = 'Q' AND p0.year = q.y AND p0.seq = q.s);

INSERT INTO period_indicator (period_id, unit_kind, indicator_id)
SELECT p.id, k.kind, i.id
FROM period p
JOIN indicator i ON i.active = 1
JOIN (SELECT 'department' AS kind UNION ALL SELECT 'district' UNION ALL SELECT 'commune'
      UNION ALL SELECT 'other') k ON FIND_IN_SET(k.kind, i.unit_kinds)
WHERE p.kind = 'Q' AND (p.year = 2025 OR (p.year = 2026 AND p.seq = 1))
  AND NOT EXISTS (SELECT 1 FROM period_indicator pi0 WHERE pi0.period_id = p.id);

-- ---------------------------------------------------------------------------
-- Submissions.  In each period the units are ranked by a hash (MD5: CRC32 is
-- linear and would rank much the same units first every quarter; the city's
-- reporters S-KHCN and S-TTTT last); the first are missing, the next late by
-- 1-10 days, the rest on time (0-8 days before the due date, 08:00-16:59
-- Hanoi time):
--            Q1/2025  Q2/2025  Q3/2025 (reform)  Q4/2025  Q1/2026
--   missing     2        1        3                2        1
--   late        5        4        4                3        3
-- ---------------------------------------------------------------------------
INSERT INTO submission (unit_id, period_id, status, version, problems, proposals,
                        review_comment, created_at, created_by, updated_at, updated_by,
                        submitted_at, submitted_by, reviewed_at, reviewed_by)
SELECT z.unit_id, z.period_id, 'accepted', 1, z.problems, z.proposals,
       IF(z.late > 0, 'Báo cáo nộp muộn so với thời hạn; đã tiếp nhận.', 'Đã tiếp nhận.'),
       LEAST(TIMESTAMP(z.opens_on + INTERVAL MOD(z.ht DIV 7, 5) DAY, '01:40:00'),
             z.submitted_at - INTERVAL 1 DAY),
       z.officer_id, z.submitted_at, z.officer_id, z.submitted_at, z.officer_id,
       z.submitted_at + INTERVAL (1 + MOD(z.ht DIV 11, 3)) DAY + INTERVAL 150 MINUTE, z.reviewer_id
FROM (
  SELECT y.*,
         TIMESTAMP(y.due_on + INTERVAL IF(y.late > 0, y.late, -MOD(y.ht DIV 5, 9)) DAY,
                   SEC_TO_TIME(3600 + 60 * MOD(y.ht DIV 13, 540))) AS submitted_at
  FROM (
    SELECT x.unit_id, x.period_id, x.opens_on, x.due_on, x.ht,
           IF(x.rn <= ELT(x.t + 1, 2, 1, 3, 2, 1) + ELT(x.t + 1, 5, 4, 4, 3, 3),
              1 + MOD(x.ht, 10), 0) AS late,
           COALESCE((SELECT a.id FROM app_user a
                     WHERE a.login = CASE x.code WHEN 'P-HONGBANG' THEN 'canbo.hongbang'
                                                 WHEN 'S-NOIVU' THEN 'canbo.noivu' END),
                    (SELECT a.id FROM app_user a WHERE a.login = 'totonghop')) AS officer_id,
           (SELECT a.id FROM app_user a WHERE a.login = 'totonghop') AS reviewer_id,
           ELT(1 + MOD(CRC32(CONCAT_WS('|', x.code, x.year, x.seq, 'pb')), 5),
               'Thiếu cán bộ chuyên trách công nghệ thông tin; kinh phí cho chuyển đổi số còn hạn chế.',
               'Một số phần mềm chuyên ngành chưa kết nối với Nền tảng tích hợp, chia sẻ dữ liệu (LGSP).',
               'Tỷ lệ hồ sơ nộp trực tuyến còn thấp do người dân chưa quen sử dụng dịch vụ công trực tuyến.',
               'Đường truyền Internet tại bộ phận một cửa chưa ổn định; một số máy tính đã cũ.',
               NULL) AS problems,
           ELT(1 + MOD(CRC32(CONCAT_WS('|', x.code, x.year, x.seq, 'pp')), 5),
               'Đề nghị Sở Khoa học và Công nghệ tổ chức tập huấn kỹ năng số cho cán bộ, công chức.',
               'Đề nghị bổ sung kinh phí nâng cấp đường truyền và thiết bị.',
               'Đề nghị hướng dẫn thống nhất cách tính tỷ lệ hồ sơ xử lý trực tuyến toàn trình.',
               NULL,
               NULL) AS proposals
    FROM (
      SELECT u.id AS unit_id, u.code, p.id AS period_id, p.year, p.seq, p.opens_on, p.due_on,
             (p.year - 2025) * 4 + p.seq - 1 AS t,
             ROW_NUMBER() OVER (PARTITION BY p.id
                                ORDER BY u.code IN ('S-KHCN', 'S-TTTT'),
                                         MD5(CONCAT_WS('|', u.code, p.year, p.seq)), u.code) AS rn,
             CRC32(CONCAT_WS('|', u.code, p.year, p.seq, 'T')) AS ht
      FROM period p
      JOIN (SELECT DISTINCT period_id, unit_kind FROM period_indicator) k ON k.period_id = p.id
      JOIN unit u ON u.kind = k.unit_kind AND u.valid_from <= p.cutoff_end
                 AND (u.valid_to IS NULL OR u.valid_to >= p.cutoff_start)
      WHERE p.kind = 'Q' AND (p.year = 2025 OR (p.year = 2026 AND p.seq = 1))
        AND NOT EXISTS (SELECT 1 FROM submission s0 WHERE s0.unit_id = u.id AND s0.period_id = p.id)
    ) AS x
    WHERE x.rn > ELT(x.t + 1, 2, 1, 3, 2, 1)
  ) AS y
) AS z;

-- ---------------------------------------------------------------------------
-- Figures: every indicator the period asks of the unit's kind; city-level ones
-- (unit_kinds 'department' only, not required) from the city's reporter.
-- cov: the share of the cut-off window the unit existed in.
-- ---------------------------------------------------------------------------
INSERT INTO figure (submission_id, indicator_id, num_value, text_value, not_applicable,
                    note, updated_at, updated_by)
SELECT v.submission_id, v.indicator_id, v.num_value, v.text_value, 0, NULL,
       v.submitted_at, v.updated_by
FROM (
  SELECT s.id AS submission_id, i.id AS indicator_id, s.submitted_at, s.updated_by,
         IF(i.vtype IN ('text', 'date'), NULL,
            demo_value(u.code, u.kind, i.code, i.vtype, i.min_value, i.max_value, p.year, p.seq,
                       (DATEDIFF(LEAST(p.cutoff_end, COALESCE(u.valid_to, p.cutoff_end)),
                                 GREATEST(p.cutoff_start, u.valid_from)) + 1)
                       / (DATEDIFF(p.cutoff_end, p.cutoff_start) + 1))) AS num_value,
         IF(i.vtype = 'text', demo_text(u.code, u.kind, i.code, p.year, p.seq), NULL) AS text_value
  FROM submission s
  JOIN unit u               ON u.id = s.unit_id
  JOIN period p             ON p.id = s.period_id
  JOIN period_indicator pi  ON pi.period_id = p.id AND pi.unit_kind = u.kind
  JOIN indicator i          ON i.id = pi.indicator_id
  WHERE p.kind = 'Q' AND (p.year = 2025 OR (p.year = 2026 AND p.seq = 1))
    AND (i.unit_kinds <> 'department' OR i.required = 1
         OR u.code = IF(p.year = 2025 AND p.seq = 1, 'S-TTTT', 'S-KHCN'))
    AND NOT EXISTS (SELECT 1 FROM figure f0 WHERE f0.submission_id = s.id)
) AS v
WHERE v.num_value IS NOT NULL OR v.text_value IS NOT NULL;

DROP FUNCTION IF EXISTS demo_text;
DROP FUNCTION IF EXISTS demo_value;
