-- The national indices' criteria and our indicators' mapping to them
-- (/review/indices): the working group edits versions, criteria and
-- mappings; the index list itself only changes by migration.  The export
-- program reads all four to lay out its sheets.
GRANT SELECT ON egov.nat_index TO 'egov_review'@'localhost';
GRANT SELECT, INSERT, UPDATE ON egov.index_version TO 'egov_review'@'localhost';
GRANT SELECT, INSERT, UPDATE ON egov.index_criterion TO 'egov_review'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON egov.criterion_indicator TO 'egov_review'@'localhost';

GRANT SELECT ON egov.nat_index TO 'egov_export'@'localhost';
GRANT SELECT ON egov.index_version TO 'egov_export'@'localhost';
GRANT SELECT ON egov.index_criterion TO 'egov_export'@'localhost';
GRANT SELECT ON egov.criterion_indicator TO 'egov_export'@'localhost';
