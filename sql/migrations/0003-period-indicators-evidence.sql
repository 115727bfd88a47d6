-- Which indicators a period asks of each kind of unit: an indicator added this
-- year is not asked of last year's reports.  Filled when a period is created
-- (from the indicators active then) and edited by the working group.
CREATE TABLE period_indicator (
  period_id     INT UNSIGNED NOT NULL,
  unit_kind     ENUM('department','district','commune','other') NOT NULL,
  indicator_id  INT UNSIGNED NOT NULL,
  PRIMARY KEY (period_id, unit_kind, indicator_id),
  CONSTRAINT fk_pi_period FOREIGN KEY (period_id) REFERENCES period(id),
  CONSTRAINT fk_pi_ind FOREIGN KEY (indicator_id) REFERENCES indicator(id)
) ENGINE=InnoDB;

INSERT INTO period_indicator (period_id, unit_kind, indicator_id)
SELECT p.id, k.kind, i.id
FROM period p
JOIN indicator i ON i.active = 1
JOIN (SELECT 'department' AS kind UNION ALL SELECT 'district' UNION ALL SELECT 'commune'
      UNION ALL SELECT 'other') k ON FIND_IN_SET(k.kind, i.unit_kinds);

CREATE TRIGGER period_indicator_ai AFTER INSERT ON period_indicator FOR EACH ROW UPDATE refdata_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER period_indicator_ad AFTER DELETE ON period_indicator FOR EACH ROW UPDATE refdata_version SET version = version + 1 WHERE id = 1;

-- Evidence documents: stored outside the web root under generated names.
CREATE TABLE evidence (
  id             INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  submission_id  INT UNSIGNED NOT NULL,
  indicator_id   INT UNSIGNED NULL,          -- NULL: for the whole submission
  unit_id        INT UNSIGNED NOT NULL,      -- for the per-unit quota
  stored_name    CHAR(64) NOT NULL UNIQUE,   -- random hex, the file's name on disk
  original_name  VARCHAR(255) NOT NULL,      -- cleaned of paths and control characters
  content_type   VARCHAR(100) NOT NULL,      -- as detected from the content
  size_bytes     BIGINT UNSIGNED NOT NULL,
  sha256         CHAR(64) NOT NULL,
  uploaded_by    INT UNSIGNED NOT NULL,
  uploaded_at    DATETIME NOT NULL,
  deleted        TINYINT(1) NOT NULL DEFAULT 0,
  KEY (submission_id),
  KEY (unit_id),
  CONSTRAINT fk_ev_sub FOREIGN KEY (submission_id) REFERENCES submission(id),
  CONSTRAINT fk_ev_ind FOREIGN KEY (indicator_id) REFERENCES indicator(id),
  CONSTRAINT fk_ev_unit FOREIGN KEY (unit_id) REFERENCES unit(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Reviewers' view of the figures: when a value was corrected, by whom and why
-- is in the audit trail; the figure row keeps the officer's original too.
ALTER TABLE figure ADD COLUMN officer_value VARCHAR(2000) NULL AFTER note,
                   ADD COLUMN corrected_by INT UNSIGNED NULL AFTER officer_value,
                   ADD COLUMN corrected_at DATETIME NULL AFTER corrected_by;
