-- The form as an XLSX template (egov-export, /export/template.xlsx): the
-- worker's reference-data cache reads which indicators each period asks, the
-- cross-field rules and the targets.  Read-only, like the rest of export.
GRANT SELECT ON egov.period_indicator TO 'egov_export'@'localhost';
GRANT SELECT ON egov.indicator_rule TO 'egov_export'@'localhost';
GRANT SELECT ON egov.target TO 'egov_export'@'localhost';
FLUSH PRIVILEGES;
