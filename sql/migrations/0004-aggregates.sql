-- What the aggregation job (egov-aggregate) computes from the figures, for
-- the dashboard, the charts and the briefing pack.  The job replaces a
-- period's rows in one transaction; pages only read them.

-- A weighted mean needs a weight: the indicator whose figure weighs each unit
-- (e.g. the number of services behind a percentage of services).
ALTER TABLE indicator ADD COLUMN weight_indicator_id INT UNSIGNED NULL AFTER aggregation,
  ADD CONSTRAINT fk_ind_weight FOREIGN KEY (weight_indicator_id) REFERENCES indicator(id);

-- scope: 'city' (every unit asked), 'kind' (one kind of unit: scope_kind),
-- 'unit' (one unit: unit_id), 'lineage' (a unit and every unit merged into it,
-- so its series stays comparable across the 2025 reform).
CREATE TABLE agg_value (
  period_id        INT UNSIGNED NOT NULL,
  indicator_id     INT UNSIGNED NOT NULL,
  scope            ENUM('city','kind','unit','lineage') NOT NULL,
  scope_kind       ENUM('','department','district','commune','other') NOT NULL DEFAULT '',
  unit_id          INT UNSIGNED NOT NULL DEFAULT 0,
  value            DECIMAL(24,6) NULL,       -- NULL: nobody reported it
  target           DECIMAL(20,6) NULL,
  progress         DECIMAL(12,6) NULL,       -- value against target, 1 = reached
  units_reporting  INT UNSIGNED NOT NULL,
  units_asked      INT UNSIGNED NOT NULL,
  completeness     DECIMAL(7,6) NULL,        -- units_reporting / units_asked, never above 1
  PRIMARY KEY (period_id, indicator_id, scope, scope_kind, unit_id),
  KEY (indicator_id, scope, unit_id),
  CONSTRAINT fk_agg_period FOREIGN KEY (period_id) REFERENCES period(id),
  CONSTRAINT fk_agg_ind FOREIGN KEY (indicator_id) REFERENCES indicator(id)
) ENGINE=InnoDB;

-- Score per unit and pillar (pillar '' = overall) and rank among its kind.
CREATE TABLE agg_score (
  period_id   INT UNSIGNED NOT NULL,
  unit_id     INT UNSIGNED NOT NULL,
  pillar      VARCHAR(32) NOT NULL,
  score       DECIMAL(9,4) NULL,
  indicators  INT UNSIGNED NOT NULL,          -- how many indicators the score averages
  rank_in_kind INT UNSIGNED NULL,
  PRIMARY KEY (period_id, unit_id, pillar),
  CONSTRAINT fk_score_period FOREIGN KEY (period_id) REFERENCES period(id),
  CONSTRAINT fk_score_unit FOREIGN KEY (unit_id) REFERENCES unit(id)
) ENGINE=InnoDB;

-- Each run of the job, for the pages to say when the figures were computed.
CREATE TABLE agg_run (
  id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  period_id    INT UNSIGNED NOT NULL,
  started_at   DATETIME(3) NOT NULL,
  finished_at  DATETIME(3) NULL,
  status       ENUM('running','done','failed') NOT NULL,
  statuses     VARCHAR(64) NOT NULL,          -- which submission statuses counted
  values_read  INT UNSIGNED NOT NULL DEFAULT 0,
  message      VARCHAR(1000) NULL,
  KEY (period_id, id),
  CONSTRAINT fk_run_period FOREIGN KEY (period_id) REFERENCES period(id)
) ENGINE=InnoDB;
