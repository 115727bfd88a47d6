-- Checks on the demo data (sql/demo/figures.sql and history.sql), by hand:
--   mariadb --socket=var/NAME/run/mysqld.sock -uroot egov < sql/demo/check.sql
-- First the periods with what they ask, who was asked (units whose validity
-- overlaps the cut-off window), the forms, late ones and figures; then every
-- check, each of which should count 0.

SELECT CONCAT('Q',p.seq,'/',p.year) q, p.cutoff_start, p.cutoff_end, p.opens_on, p.due_on, p.is_open, p.locked,
 (SELECT COUNT(*) FROM period_indicator pi WHERE pi.period_id=p.id) pi,
 (SELECT COUNT(*) FROM unit u JOIN (SELECT DISTINCT period_id, unit_kind FROM period_indicator) k ON k.period_id=p.id AND k.unit_kind=u.kind WHERE u.valid_from <= p.cutoff_end AND (u.valid_to IS NULL OR u.valid_to >= p.cutoff_start)) asked,
 (SELECT COUNT(*) FROM submission s WHERE s.period_id=p.id) subs,
 (SELECT COUNT(*) FROM submission s WHERE s.period_id=p.id AND s.status='accepted') accepted,
 (SELECT COUNT(*) FROM submission s WHERE s.period_id=p.id AND s.status='submitted') submitted,
 (SELECT COUNT(*) FROM submission s WHERE s.period_id=p.id AND s.submitted_at IS NOT NULL AND DATE(s.submitted_at + INTERVAL 7 HOUR) > p.due_on) late,
 (SELECT COUNT(*) FROM figure f JOIN submission s ON s.id=f.submission_id WHERE s.period_id=p.id) figs
FROM period p ORDER BY p.year, p.seq;
SELECT (SELECT COUNT(*) FROM period) periods, (SELECT COUNT(*) FROM submission) submissions, (SELECT COUNT(*) FROM figure) figures,
 (SELECT COUNT(*) FROM information_schema.routines WHERE routine_schema='egov') routines_left;

-- 1. figures out of range, wrong type shape
SELECT 'out_of_range' chk, COUNT(*) n FROM figure f JOIN indicator i ON i.id = f.indicator_id
 WHERE f.num_value IS NOT NULL AND ((i.min_value IS NOT NULL AND f.num_value < i.min_value) OR (i.max_value IS NOT NULL AND f.num_value > i.max_value))
UNION ALL SELECT 'yesno_not_01', COUNT(*) FROM figure f JOIN indicator i ON i.id = f.indicator_id WHERE i.vtype='yesno' AND f.num_value NOT IN (0,1)
UNION ALL SELECT 'integer_fraction', COUNT(*) FROM figure f JOIN indicator i ON i.id = f.indicator_id WHERE i.vtype='integer' AND f.num_value <> FLOOR(f.num_value)
UNION ALL SELECT 'num_null_nontext', COUNT(*) FROM figure f JOIN indicator i ON i.id = f.indicator_id WHERE i.vtype NOT IN ('text','date') AND f.num_value IS NULL
UNION ALL SELECT 'text_on_numeric', COUNT(*) FROM figure f JOIN indicator i ON i.id = f.indicator_id WHERE i.vtype NOT IN ('text','date') AND f.text_value IS NOT NULL
-- 2. every rule
UNION ALL SELECT CONCAT('rule ', l.code, ' ', r.op, ' ', rr.code, ' (pairs checked: ',
   (SELECT COUNT(*) FROM figure a JOIN figure b ON b.submission_id = a.submission_id AND b.indicator_id = r.right_id
     WHERE a.indicator_id = r.left_id AND a.num_value IS NOT NULL AND b.num_value IS NOT NULL), ')'),
   (SELECT COUNT(*) FROM figure fl JOIN figure fr ON fr.indicator_id = r.right_id AND fr.submission_id = fl.submission_id
     WHERE fl.indicator_id = r.left_id AND fl.num_value IS NOT NULL AND fr.num_value IS NOT NULL
       AND NOT CASE r.op WHEN '<=' THEN fl.num_value <= fr.num_value WHEN '<' THEN fl.num_value < fr.num_value
                WHEN '>=' THEN fl.num_value >= fr.num_value WHEN '>' THEN fl.num_value > fr.num_value ELSE fl.num_value = fr.num_value END)
 FROM indicator_rule r JOIN indicator l ON l.id = r.left_id JOIN indicator rr ON rr.id = r.right_id
-- 3. accepted/submitted forms missing a required figure the period asks
UNION ALL SELECT 'required_missing (excl. P-LECHAN Q4 draft-submitted)', COUNT(*)
 FROM submission s JOIN unit u ON u.id = s.unit_id JOIN period p ON p.id = s.period_id
 JOIN period_indicator pi ON pi.period_id = p.id AND pi.unit_kind = u.kind JOIN indicator i ON i.id = pi.indicator_id AND i.required = 1
 WHERE s.status IN ('accepted','submitted') AND NOT (u.code = 'P-LECHAN' AND p.year = 2026 AND p.seq = 4)
   AND NOT EXISTS (SELECT 1 FROM figure f WHERE f.submission_id = s.id AND f.indicator_id = i.id)
-- 4. figures for indicators the period does not ask of the unit's kind
UNION ALL SELECT 'figure_not_asked', COUNT(*) FROM figure f JOIN submission s ON s.id = f.submission_id JOIN unit u ON u.id = s.unit_id
 WHERE NOT EXISTS (SELECT 1 FROM period_indicator pi WHERE pi.period_id = s.period_id AND pi.unit_kind = u.kind AND pi.indicator_id = f.indicator_id)
-- 5. submissions of units not valid in the period, or with times out of order / in the future
UNION ALL SELECT 'sub_unit_not_valid', COUNT(*) FROM submission s JOIN unit u ON u.id = s.unit_id JOIN period p ON p.id = s.period_id
 WHERE NOT (u.valid_from <= p.cutoff_end AND (u.valid_to IS NULL OR u.valid_to >= p.cutoff_start))
UNION ALL SELECT 'sub_times_out_of_order', COUNT(*) FROM submission s
 WHERE s.created_at > s.updated_at OR (s.submitted_at IS NOT NULL AND s.created_at > s.submitted_at) OR (s.reviewed_at IS NOT NULL AND s.reviewed_at < s.submitted_at)
UNION ALL SELECT 'dated_in_future', COUNT(*) FROM submission s
 WHERE GREATEST(s.created_at, s.updated_at, COALESCE(s.submitted_at, s.created_at), COALESCE(s.reviewed_at, s.created_at)) > UTC_TIMESTAMP()
UNION ALL SELECT 'accepted_without_reviewer', COUNT(*) FROM submission s WHERE s.status = 'accepted' AND (s.reviewed_at IS NULL OR s.reviewed_by IS NULL OR s.submitted_at IS NULL)
UNION ALL SELECT 'plan_text_without_yes', COUNT(*) FROM figure ft JOIN indicator it ON it.id = ft.indicator_id AND it.code = 'TC-KEHOACH-SO'
 JOIN indicator iy ON iy.code = 'TC-KEHOACH' LEFT JOIN figure fy ON fy.submission_id = ft.submission_id AND fy.indicator_id = iy.id
 WHERE ft.text_value IS NOT NULL AND COALESCE(fy.num_value, 0) <> 1
UNION ALL SELECT 'plan_dated_after_cutoff', COUNT(*) FROM figure ft JOIN indicator it ON it.id = ft.indicator_id AND it.code = 'TC-KEHOACH-SO'
 JOIN submission s ON s.id = ft.submission_id JOIN period p ON p.id = s.period_id
 WHERE STR_TO_DATE(SUBSTRING_INDEX(SUBSTRING_INDEX(ft.text_value, ' ngày ', -1), ' ', 1), '%d/%m/%Y') > p.cutoff_end;
