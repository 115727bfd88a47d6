-- egov-quarterly: reads what the quarterly report quotes; writes only its
-- own line in the audit trail (no UPDATE or DELETE anywhere).
CREATE USER IF NOT EXISTS 'egov_quarterly'@'localhost' IDENTIFIED BY '@QUARTERLY_PW@';
ALTER USER 'egov_quarterly'@'localhost' IDENTIFIED BY '@QUARTERLY_PW@';
GRANT SELECT ON egov.period TO 'egov_quarterly'@'localhost';
GRANT SELECT ON egov.period_indicator TO 'egov_quarterly'@'localhost';
GRANT SELECT ON egov.unit TO 'egov_quarterly'@'localhost';
GRANT SELECT ON egov.pillar TO 'egov_quarterly'@'localhost';
GRANT SELECT ON egov.indicator TO 'egov_quarterly'@'localhost';
GRANT SELECT ON egov.submission TO 'egov_quarterly'@'localhost';
GRANT SELECT ON egov.agg_value TO 'egov_quarterly'@'localhost';
GRANT SELECT ON egov.agg_run TO 'egov_quarterly'@'localhost';
GRANT SELECT ON egov.direction TO 'egov_quarterly'@'localhost';
GRANT SELECT ON egov.direction_unit TO 'egov_quarterly'@'localhost';
GRANT SELECT ON egov.plan TO 'egov_quarterly'@'localhost';
GRANT SELECT ON egov.plan_task TO 'egov_quarterly'@'localhost';
GRANT INSERT ON egov.audit TO 'egov_quarterly'@'localhost';
