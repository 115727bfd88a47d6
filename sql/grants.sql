-- One account per program, least privilege.  @…@ placeholders are replaced
-- with generated passwords by scripts/stack.sh (or by hand when deploying).
-- No program account may UPDATE or DELETE audit rows.

CREATE USER IF NOT EXISTS 'egov_admin'@'localhost' IDENTIFIED BY '@ADMIN_PW@';
ALTER USER 'egov_admin'@'localhost' IDENTIFIED BY '@ADMIN_PW@';
GRANT ALL PRIVILEGES ON egov.* TO 'egov_admin'@'localhost';

-- egov-auth: the only reader of password hashes and writer of sessions.
CREATE USER IF NOT EXISTS 'egov_auth'@'localhost' IDENTIFIED BY '@AUTH_PW@';
ALTER USER 'egov_auth'@'localhost' IDENTIFIED BY '@AUTH_PW@';
GRANT SELECT ON egov.app_user TO 'egov_auth'@'localhost';
GRANT UPDATE (failed_logins, locked_until) ON egov.app_user TO 'egov_auth'@'localhost';
GRANT SELECT ON egov.unit TO 'egov_auth'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON egov.session TO 'egov_auth'@'localhost';
GRANT INSERT ON egov.audit TO 'egov_auth'@'localhost';
GRANT SELECT ON egov.refdata_version TO 'egov_auth'@'localhost';

-- egov-report: the unit officer's forms.
CREATE USER IF NOT EXISTS 'egov_report'@'localhost' IDENTIFIED BY '@REPORT_PW@';
ALTER USER 'egov_report'@'localhost' IDENTIFIED BY '@REPORT_PW@';
GRANT SELECT (id, login, display_name, unit_id, roles, active) ON egov.app_user TO 'egov_report'@'localhost';
GRANT SELECT, UPDATE (last_seen) ON egov.session TO 'egov_report'@'localhost';
GRANT SELECT ON egov.unit TO 'egov_report'@'localhost';
GRANT SELECT ON egov.pillar TO 'egov_report'@'localhost';
GRANT SELECT ON egov.indicator TO 'egov_report'@'localhost';
GRANT SELECT ON egov.indicator_rule TO 'egov_report'@'localhost';
GRANT SELECT ON egov.target TO 'egov_report'@'localhost';
GRANT SELECT ON egov.period TO 'egov_report'@'localhost';
GRANT SELECT ON egov.period_indicator TO 'egov_report'@'localhost';
GRANT SELECT, INSERT, UPDATE (deleted) ON egov.evidence TO 'egov_report'@'localhost';
GRANT SELECT, INSERT, UPDATE ON egov.submission TO 'egov_report'@'localhost';
GRANT SELECT, INSERT, UPDATE ON egov.figure TO 'egov_report'@'localhost';
GRANT INSERT ON egov.audit TO 'egov_report'@'localhost';
GRANT SELECT ON egov.refdata_version TO 'egov_report'@'localhost';

-- egov-review: the working group runs the reporting cycle and the reference data.
CREATE USER IF NOT EXISTS 'egov_review'@'localhost' IDENTIFIED BY '@REVIEW_PW@';
ALTER USER 'egov_review'@'localhost' IDENTIFIED BY '@REVIEW_PW@';
GRANT SELECT (id, login, display_name, email, unit_id, roles, active, created_at, locked_until)
  ON egov.app_user TO 'egov_review'@'localhost';
GRANT INSERT (login, display_name, email, unit_id, roles, active, pw_hash)
  ON egov.app_user TO 'egov_review'@'localhost';
GRANT UPDATE (display_name, email, unit_id, roles, active, pw_hash, failed_logins, locked_until)
  ON egov.app_user TO 'egov_review'@'localhost';
GRANT SELECT, UPDATE (last_seen), DELETE ON egov.session TO 'egov_review'@'localhost';
GRANT SELECT, INSERT, UPDATE ON egov.unit TO 'egov_review'@'localhost';
GRANT SELECT ON egov.pillar TO 'egov_review'@'localhost';
GRANT SELECT, INSERT, UPDATE ON egov.indicator TO 'egov_review'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON egov.indicator_rule TO 'egov_review'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON egov.target TO 'egov_review'@'localhost';
GRANT SELECT, INSERT, UPDATE ON egov.period TO 'egov_review'@'localhost';
GRANT SELECT, INSERT, DELETE ON egov.period_indicator TO 'egov_review'@'localhost';
GRANT SELECT, UPDATE ON egov.submission TO 'egov_review'@'localhost';
-- a reviewer may correct a figure the unit left blank: INSERT as well
GRANT SELECT, INSERT, UPDATE ON egov.figure TO 'egov_review'@'localhost';
GRANT SELECT ON egov.evidence TO 'egov_review'@'localhost';
GRANT SELECT, INSERT ON egov.audit TO 'egov_review'@'localhost';
GRANT SELECT ON egov.refdata_version TO 'egov_review'@'localhost';

-- egov-remind: the scheduled reminder job reads the calendar and the users'
-- addresses and records what it sent.
CREATE USER IF NOT EXISTS 'egov_remind'@'localhost' IDENTIFIED BY '@REMIND_PW@';
ALTER USER 'egov_remind'@'localhost' IDENTIFIED BY '@REMIND_PW@';
GRANT SELECT (id, login, display_name, email, unit_id, roles, active) ON egov.app_user TO 'egov_remind'@'localhost';
GRANT SELECT ON egov.unit TO 'egov_remind'@'localhost';
GRANT SELECT ON egov.period TO 'egov_remind'@'localhost';
GRANT SELECT ON egov.period_indicator TO 'egov_remind'@'localhost';
GRANT SELECT ON egov.submission TO 'egov_remind'@'localhost';
GRANT SELECT, INSERT ON egov.audit TO 'egov_remind'@'localhost';
GRANT SELECT ON egov.refdata_version TO 'egov_remind'@'localhost';

-- egov-aggregate: reads the figures, rewrites the summary tables.
CREATE USER IF NOT EXISTS 'egov_aggregate'@'localhost' IDENTIFIED BY '@AGGREGATE_PW@';
ALTER USER 'egov_aggregate'@'localhost' IDENTIFIED BY '@AGGREGATE_PW@';
GRANT SELECT ON egov.unit TO 'egov_aggregate'@'localhost';
GRANT SELECT ON egov.pillar TO 'egov_aggregate'@'localhost';
GRANT SELECT ON egov.indicator TO 'egov_aggregate'@'localhost';
GRANT SELECT ON egov.target TO 'egov_aggregate'@'localhost';
GRANT SELECT ON egov.period TO 'egov_aggregate'@'localhost';
GRANT SELECT ON egov.period_indicator TO 'egov_aggregate'@'localhost';
GRANT SELECT ON egov.submission TO 'egov_aggregate'@'localhost';
GRANT SELECT ON egov.figure TO 'egov_aggregate'@'localhost';
GRANT SELECT, INSERT, DELETE ON egov.agg_value TO 'egov_aggregate'@'localhost';
GRANT SELECT, INSERT, DELETE ON egov.agg_score TO 'egov_aggregate'@'localhost';
GRANT SELECT, INSERT, UPDATE ON egov.agg_run TO 'egov_aggregate'@'localhost';
GRANT SELECT, INSERT ON egov.audit TO 'egov_aggregate'@'localhost';
GRANT SELECT ON egov.refdata_version TO 'egov_aggregate'@'localhost';

-- egov-dashboard: the leadership's read-only pages.
CREATE USER IF NOT EXISTS 'egov_dashboard'@'localhost' IDENTIFIED BY '@DASHBOARD_PW@';
ALTER USER 'egov_dashboard'@'localhost' IDENTIFIED BY '@DASHBOARD_PW@';
GRANT SELECT (id, login, display_name, unit_id, roles, active) ON egov.app_user TO 'egov_dashboard'@'localhost';
-- last_seen only: reading the dashboard keeps a session alive (idle timeout)
GRANT SELECT, UPDATE (last_seen) ON egov.session TO 'egov_dashboard'@'localhost';
GRANT SELECT ON egov.unit TO 'egov_dashboard'@'localhost';
GRANT SELECT ON egov.pillar TO 'egov_dashboard'@'localhost';
GRANT SELECT ON egov.indicator TO 'egov_dashboard'@'localhost';
GRANT SELECT ON egov.indicator_rule TO 'egov_dashboard'@'localhost';
GRANT SELECT ON egov.target TO 'egov_dashboard'@'localhost';
GRANT SELECT ON egov.period TO 'egov_dashboard'@'localhost';
GRANT SELECT ON egov.period_indicator TO 'egov_dashboard'@'localhost';
GRANT SELECT ON egov.submission TO 'egov_dashboard'@'localhost';
GRANT SELECT ON egov.agg_value TO 'egov_dashboard'@'localhost';
GRANT SELECT ON egov.agg_score TO 'egov_dashboard'@'localhost';
GRANT SELECT ON egov.agg_run TO 'egov_dashboard'@'localhost';
GRANT SELECT ON egov.refdata_version TO 'egov_dashboard'@'localhost';

-- egov-export: the working group's exports (raw data, index layouts); read-only
-- except for its own audit rows and the session's idle clock.
CREATE USER IF NOT EXISTS 'egov_export'@'localhost' IDENTIFIED BY '@EXPORT_PW@';
ALTER USER 'egov_export'@'localhost' IDENTIFIED BY '@EXPORT_PW@';
-- the session check reads unit_id, roles and active as well
GRANT SELECT (id, login, display_name, unit_id, roles, active) ON egov.app_user TO 'egov_export'@'localhost';
GRANT SELECT, UPDATE (last_seen) ON egov.session TO 'egov_export'@'localhost';
GRANT SELECT ON egov.unit TO 'egov_export'@'localhost';
GRANT SELECT ON egov.pillar TO 'egov_export'@'localhost';
GRANT SELECT ON egov.indicator TO 'egov_export'@'localhost';
GRANT SELECT ON egov.period TO 'egov_export'@'localhost';
GRANT SELECT ON egov.submission TO 'egov_export'@'localhost';
GRANT SELECT ON egov.figure TO 'egov_export'@'localhost';
GRANT INSERT ON egov.audit TO 'egov_export'@'localhost';
GRANT SELECT ON egov.refdata_version TO 'egov_export'@'localhost';

FLUSH PRIVILEGES;
