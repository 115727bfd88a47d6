-- egov-export's per-index exports (/export/index*, egov-export index):
-- read-only.  The criteria tables are granted in indices.sql too; repeating a
-- GRANT is harmless and keeps this file enough on its own.  The evidence
-- columns are only those that name a file for a link, never its stored name
-- or content.
GRANT SELECT ON egov.nat_index TO 'egov_export'@'localhost';
GRANT SELECT ON egov.index_version TO 'egov_export'@'localhost';
GRANT SELECT ON egov.index_criterion TO 'egov_export'@'localhost';
GRANT SELECT ON egov.criterion_indicator TO 'egov_export'@'localhost';
GRANT SELECT ON egov.agg_value TO 'egov_export'@'localhost';
GRANT SELECT ON egov.agg_run TO 'egov_export'@'localhost';
GRANT SELECT (id, submission_id, indicator_id, unit_id, deleted) ON egov.evidence TO 'egov_export'@'localhost';
