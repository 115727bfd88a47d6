-- Logins are matched exactly (no case, accent or trailing-space folding): a
-- web server's "cánbộ.nọivụ" or "canbo.noivu " would become "canbo.noivu".
ALTER TABLE app_user MODIFY login VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL;

-- Workers cache reference data (pillars, indicators, rules, targets, units)
-- and reload it when this counter moves.  Triggers keep it moving whoever
-- changes the data, so no program needs write access to it.
CREATE TABLE refdata_version (
  id       TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  version  BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB;
INSERT INTO refdata_version VALUES (1, 1);

CREATE TRIGGER pillar_ai AFTER INSERT ON pillar FOR EACH ROW UPDATE refdata_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER pillar_au AFTER UPDATE ON pillar FOR EACH ROW UPDATE refdata_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER pillar_ad AFTER DELETE ON pillar FOR EACH ROW UPDATE refdata_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER indicator_ai AFTER INSERT ON indicator FOR EACH ROW UPDATE refdata_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER indicator_au AFTER UPDATE ON indicator FOR EACH ROW UPDATE refdata_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER indicator_ad AFTER DELETE ON indicator FOR EACH ROW UPDATE refdata_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER rule_ai AFTER INSERT ON indicator_rule FOR EACH ROW UPDATE refdata_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER rule_au AFTER UPDATE ON indicator_rule FOR EACH ROW UPDATE refdata_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER rule_ad AFTER DELETE ON indicator_rule FOR EACH ROW UPDATE refdata_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER target_ai AFTER INSERT ON target FOR EACH ROW UPDATE refdata_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER target_au AFTER UPDATE ON target FOR EACH ROW UPDATE refdata_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER target_ad AFTER DELETE ON target FOR EACH ROW UPDATE refdata_version SET version = version + 1 WHERE id = 1;
