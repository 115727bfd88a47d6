-- The units' ranking (Art. 6.6): the export program's ranking sheet and the
-- review program's commendation list read the same inputs (cgi/lib/ranking.c).
-- Applied after sql/grants.sql at every start (same @…@ placeholders).

GRANT SELECT ON egov.agg_score TO 'egov_export'@'localhost';
GRANT SELECT ON egov.period_indicator TO 'egov_export'@'localhost';
GRANT SELECT ON egov.direction TO 'egov_export'@'localhost';
GRANT SELECT ON egov.direction_unit TO 'egov_export'@'localhost';
GRANT SELECT ON egov.plan TO 'egov_export'@'localhost';
GRANT SELECT ON egov.plan_task TO 'egov_export'@'localhost';

GRANT SELECT ON egov.agg_score TO 'egov_review'@'localhost';
GRANT SELECT ON egov.direction TO 'egov_review'@'localhost';
GRANT SELECT ON egov.direction_unit TO 'egov_review'@'localhost';
GRANT SELECT ON egov.plan TO 'egov_review'@'localhost';
GRANT SELECT ON egov.plan_task TO 'egov_review'@'localhost';
-- the working group's picks and notes; never deleted, only changed
GRANT SELECT, INSERT, UPDATE ON egov.commendation TO 'egov_review'@'localhost';

FLUSH PRIVILEGES;
