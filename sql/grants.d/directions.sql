-- Conclusions and directions, the annual plan (Art. 3, 6.1, 6.6, 9).
-- Applied after sql/grants.sql at every start (same @…@ placeholders).

-- egov-review: keeps the register and the plan.  DELETE only on the two
-- link tables, so editing a direction's owner units or a task's
-- co-operating units can replace the set; the rows themselves are never deleted.
GRANT SELECT, INSERT, UPDATE ON egov.direction TO 'egov_review'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON egov.direction_unit TO 'egov_review'@'localhost';
GRANT SELECT, INSERT ON egov.direction_progress TO 'egov_review'@'localhost';
GRANT SELECT, INSERT, UPDATE ON egov.plan TO 'egov_review'@'localhost';
GRANT SELECT, INSERT, UPDATE ON egov.plan_task TO 'egov_review'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON egov.plan_task_unit TO 'egov_review'@'localhost';
GRANT SELECT ON egov.meeting TO 'egov_review'@'localhost';

-- egov-report: the owner unit reports progress; it can change only a
-- direction's status (and its version) and a task's progress columns.
-- SELECT on direction_progress: the unit sees its own earlier notes.
GRANT SELECT ON egov.direction TO 'egov_report'@'localhost';
GRANT UPDATE (status, version) ON egov.direction TO 'egov_report'@'localhost';
GRANT SELECT ON egov.direction_unit TO 'egov_report'@'localhost';
GRANT SELECT, INSERT ON egov.direction_progress TO 'egov_report'@'localhost';
GRANT SELECT ON egov.plan TO 'egov_report'@'localhost';
GRANT SELECT ON egov.plan_task TO 'egov_report'@'localhost';
GRANT UPDATE (status, progress, done_on, budget_spent, note, updated_by, updated_at, version)
  ON egov.plan_task TO 'egov_report'@'localhost';
GRANT SELECT ON egov.plan_task_unit TO 'egov_report'@'localhost';
GRANT SELECT ON egov.meeting TO 'egov_report'@'localhost';

-- egov-dashboard and egov-export: read only.
GRANT SELECT ON egov.direction TO 'egov_dashboard'@'localhost';
GRANT SELECT ON egov.direction_unit TO 'egov_dashboard'@'localhost';
GRANT SELECT ON egov.plan TO 'egov_dashboard'@'localhost';
GRANT SELECT ON egov.plan_task TO 'egov_dashboard'@'localhost';
GRANT SELECT ON egov.plan_task_unit TO 'egov_dashboard'@'localhost';
GRANT SELECT ON egov.direction TO 'egov_export'@'localhost';
GRANT SELECT ON egov.direction_unit TO 'egov_export'@'localhost';
GRANT SELECT ON egov.plan TO 'egov_export'@'localhost';
GRANT SELECT ON egov.plan_task TO 'egov_export'@'localhost';
GRANT SELECT ON egov.plan_task_unit TO 'egov_export'@'localhost';

-- egov-charts reads through the aggregate account: the briefing pack's
-- page of overdue directions (and who gave them: the name only).
GRANT SELECT ON egov.direction TO 'egov_aggregate'@'localhost';
GRANT SELECT ON egov.direction_unit TO 'egov_aggregate'@'localhost';
GRANT SELECT (id, display_name) ON egov.app_user TO 'egov_aggregate'@'localhost';

FLUSH PRIVILEGES;
