-- Core schema: units, users, indicators, targets, periods, submissions,
-- values and the append-only audit trail.  Times are UTC DATETIME; dates
-- (due dates, cut-off windows) are calendar dates in Asia/Ho_Chi_Minh.

CREATE TABLE unit (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code          VARCHAR(32)  NOT NULL UNIQUE,
  name          VARCHAR(255) NOT NULL,
  name_en       VARCHAR(255) NULL,
  kind          ENUM('department','district','commune','other') NOT NULL,
  parent_id     INT UNSIGNED NULL,
  valid_from    DATE NOT NULL DEFAULT '2000-01-01',
  valid_to      DATE NULL,            -- last day the unit existed; NULL while it exists
  successor_id  INT UNSIGNED NULL,    -- where its history goes after a merger
  note          VARCHAR(500) NULL,    -- source, or "unverified"
  CONSTRAINT fk_unit_parent FOREIGN KEY (parent_id) REFERENCES unit(id),
  CONSTRAINT fk_unit_succ FOREIGN KEY (successor_id) REFERENCES unit(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE app_user (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  login         VARCHAR(64)  NOT NULL UNIQUE,
  display_name  VARCHAR(255) NOT NULL,
  email         VARCHAR(255) NULL,
  unit_id       INT UNSIGNED NULL,
  roles         SET('officer','unit_head','wg','wg_lead','deputy','head','admin') NOT NULL DEFAULT '',
  active        TINYINT(1) NOT NULL DEFAULT 1,
  pw_hash       VARCHAR(255) NULL,     -- argon2id encoded string; only egov_auth reads it
  failed_logins INT UNSIGNED NOT NULL DEFAULT 0,
  locked_until  DATETIME NULL,
  created_at    DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  CONSTRAINT fk_user_unit FOREIGN KEY (unit_id) REFERENCES unit(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE session (
  id_hash       BINARY(32) NOT NULL PRIMARY KEY,  -- SHA-256 of the cookie value
  user_id       INT UNSIGNED NOT NULL,
  csrf          CHAR(64) NOT NULL,
  created_at    DATETIME NOT NULL,
  last_seen     DATETIME NOT NULL,
  KEY (user_id),
  CONSTRAINT fk_session_user FOREIGN KEY (user_id) REFERENCES app_user(id) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE TABLE pillar (
  code          VARCHAR(32) NOT NULL PRIMARY KEY,
  name          VARCHAR(255) NOT NULL,
  name_en       VARCHAR(255) NOT NULL,
  sort          INT NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE indicator (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code          VARCHAR(32)  NOT NULL UNIQUE,
  name          VARCHAR(500) NOT NULL,
  name_en       VARCHAR(500) NOT NULL,
  pillar        VARCHAR(32)  NOT NULL,
  uom           VARCHAR(64)  NOT NULL,   -- unit of measure as shown
  vtype         ENUM('integer','decimal','percent','yesno','text','date') NOT NULL,
  min_value     DECIMAL(20,6) NULL,
  max_value     DECIMAL(20,6) NULL,
  required      TINYINT(1) NOT NULL DEFAULT 1,
  unit_kinds    SET('department','district','commune','other') NOT NULL,
  direction     ENUM('up','down','none') NOT NULL DEFAULT 'up',
  aggregation   ENUM('sum','mean','wmean','count_yes','share_yes','none') NOT NULL,
  ict_code      VARCHAR(32) NULL,
  par_code      VARCHAR(32) NULL,
  dti_code      VARCHAR(32) NULL,
  verified      TINYINT(1) NOT NULL DEFAULT 1,
  source        VARCHAR(500) NULL,
  sort          INT NOT NULL DEFAULT 0,
  active        TINYINT(1) NOT NULL DEFAULT 1,
  CONSTRAINT fk_ind_pillar FOREIGN KEY (pillar) REFERENCES pillar(code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Cross-field rules as data: left <op> right must hold when both are given.
CREATE TABLE indicator_rule (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  left_id       INT UNSIGNED NOT NULL,
  op            ENUM('<=','<','>=','>','=') NOT NULL,
  right_id      INT UNSIGNED NOT NULL,
  message       VARCHAR(500) NOT NULL,
  message_en    VARCHAR(500) NOT NULL,
  CONSTRAINT fk_rule_l FOREIGN KEY (left_id) REFERENCES indicator(id),
  CONSTRAINT fk_rule_r FOREIGN KEY (right_id) REFERENCES indicator(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- unit_id NULL: the city-wide target.
CREATE TABLE target (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  indicator_id  INT UNSIGNED NOT NULL,
  year          SMALLINT UNSIGNED NOT NULL,
  unit_id       INT UNSIGNED NULL,
  target_value  DECIMAL(20,6) NOT NULL,
  source        VARCHAR(500) NULL,
  UNIQUE KEY (indicator_id, year, unit_id),
  CONSTRAINT fk_target_ind FOREIGN KEY (indicator_id) REFERENCES indicator(id),
  CONSTRAINT fk_target_unit FOREIGN KEY (unit_id) REFERENCES unit(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE period (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind          ENUM('Q','H','Y') NOT NULL,
  year          SMALLINT UNSIGNED NOT NULL,
  seq           TINYINT UNSIGNED NOT NULL,   -- quarter 1-4, half 1-2, year 1
  cutoff_start  DATE NOT NULL,
  cutoff_end    DATE NOT NULL,
  opens_on      DATE NOT NULL,
  due_on        DATE NOT NULL,
  is_open       TINYINT(1) NOT NULL DEFAULT 0,
  locked        TINYINT(1) NOT NULL DEFAULT 0,
  UNIQUE KEY (kind, year, seq)
) ENGINE=InnoDB;

CREATE TABLE submission (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  unit_id       INT UNSIGNED NOT NULL,
  period_id     INT UNSIGNED NOT NULL,
  status        ENUM('draft','submitted','returned','accepted') NOT NULL DEFAULT 'draft',
  version       INT UNSIGNED NOT NULL DEFAULT 1,
  problems      TEXT NULL,
  proposals     TEXT NULL,
  review_comment TEXT NULL,
  created_at    DATETIME NOT NULL,
  created_by    INT UNSIGNED NOT NULL,
  updated_at    DATETIME NOT NULL,
  updated_by    INT UNSIGNED NOT NULL,
  submitted_at  DATETIME NULL,
  submitted_by  INT UNSIGNED NULL,
  reviewed_at   DATETIME NULL,
  reviewed_by   INT UNSIGNED NULL,
  UNIQUE KEY (unit_id, period_id),
  KEY (period_id),
  CONSTRAINT fk_sub_unit FOREIGN KEY (unit_id) REFERENCES unit(id),
  CONSTRAINT fk_sub_period FOREIGN KEY (period_id) REFERENCES period(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One figure of one submission ("value" is a reserved word).
CREATE TABLE figure (
  submission_id INT UNSIGNED NOT NULL,
  indicator_id  INT UNSIGNED NOT NULL,
  num_value     DECIMAL(20,6) NULL,
  text_value    VARCHAR(2000) NULL,
  not_applicable TINYINT(1) NOT NULL DEFAULT 0,
  note          VARCHAR(2000) NULL,
  updated_at    DATETIME NOT NULL,
  updated_by    INT UNSIGNED NOT NULL,
  PRIMARY KEY (submission_id, indicator_id),
  CONSTRAINT fk_fig_sub FOREIGN KEY (submission_id) REFERENCES submission(id),
  CONSTRAINT fk_fig_ind FOREIGN KEY (indicator_id) REFERENCES indicator(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only: the programs' accounts have INSERT and SELECT only.
CREATE TABLE audit (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at            DATETIME(3) NOT NULL,
  actor_id      INT UNSIGNED NULL,
  actor_unit_id INT UNSIGNED NULL,
  action        VARCHAR(32) NOT NULL,
  entity        VARCHAR(32) NOT NULL,
  entity_id     VARCHAR(64) NOT NULL,
  old_value     TEXT NULL,
  new_value     TEXT NULL,
  reason        TEXT NULL,
  request_id    VARCHAR(32) NULL,
  KEY (entity, entity_id),
  KEY (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
