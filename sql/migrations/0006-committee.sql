-- The committee's own work (Art. 3, 5.5, 6.1, 6.6, 7, 9 of the regulation):
-- meetings and attendance, conclusions and directions, the annual plan and
-- the commendation proposals.  Times are UTC DATETIME; deadlines are
-- calendar dates in Asia/Ho_Chi_Minh (a direction due on D is overdue from
-- D+1 00:00 Hanoi time).

-- Committee members who are not the head or a deputy: directors of
-- departments, chairs of districts.  position is what an invitation prints.
ALTER TABLE app_user
  MODIFY roles SET('officer','unit_head','wg','wg_lead','deputy','head','admin','member') NOT NULL DEFAULT '',
  ADD COLUMN position VARCHAR(255) NULL AFTER display_name;

CREATE TABLE meeting (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind          ENUM('regular','extraordinary','wg') NOT NULL,
  title         VARCHAR(500) NOT NULL,
  starts_at     DATETIME NOT NULL,
  ends_at       DATETIME NULL,
  place         VARCHAR(255) NOT NULL,
  chair_id      INT UNSIGNED NOT NULL,
  called_by     INT UNSIGNED NULL,                -- extraordinary: the head or deputy who called it
  period_id     INT UNSIGNED NULL,                -- the quarter a regular meeting reviews
  notice        TEXT NULL,                        -- the invitation's text
  minutes       MEDIUMTEXT NULL,                  -- written minutes (a file may be attached too)
  status        ENUM('planned','held','cancelled') NOT NULL DEFAULT 'planned',
  created_by    INT UNSIGNED NOT NULL,
  created_at    DATETIME NOT NULL,
  version       INT UNSIGNED NOT NULL DEFAULT 1,
  KEY (starts_at),
  CONSTRAINT fk_mt_chair FOREIGN KEY (chair_id) REFERENCES app_user(id),
  CONSTRAINT fk_mt_caller FOREIGN KEY (called_by) REFERENCES app_user(id),
  CONSTRAINT fk_mt_period FOREIGN KEY (period_id) REFERENCES period(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE meeting_agenda (
  meeting_id    INT UNSIGNED NOT NULL,
  seq           SMALLINT UNSIGNED NOT NULL,
  title         VARCHAR(500) NOT NULL,
  presenter     VARCHAR(255) NULL,
  PRIMARY KEY (meeting_id, seq),
  CONSTRAINT fk_ma_meeting FOREIGN KEY (meeting_id) REFERENCES meeting(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Papers, minutes files and written opinions: stored like evidence (outside
-- the web root, random names, type from content), served as downloads.
CREATE TABLE meeting_file (
  id             INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  meeting_id     INT UNSIGNED NOT NULL,
  kind           ENUM('paper','minutes','opinion') NOT NULL,
  user_id        INT UNSIGNED NULL,               -- opinion: the invited member it answers for
  stored_name    CHAR(64) NOT NULL UNIQUE,
  original_name  VARCHAR(255) NOT NULL,
  content_type   VARCHAR(100) NOT NULL,
  size_bytes     BIGINT UNSIGNED NOT NULL,
  sha256         CHAR(64) NOT NULL,
  uploaded_by    INT UNSIGNED NOT NULL,
  uploaded_at    DATETIME NOT NULL,
  deleted        TINYINT(1) NOT NULL DEFAULT 0,
  KEY (meeting_id),
  CONSTRAINT fk_mf_meeting FOREIGN KEY (meeting_id) REFERENCES meeting(id),
  CONSTRAINT fk_mf_user FOREIGN KEY (user_id) REFERENCES app_user(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per invited member: the answer (Art. 5.5), the chair's decision on
-- a leave request, and the attendance the working group records afterwards.
CREATE TABLE invitation (
  meeting_id        INT UNSIGNED NOT NULL,
  user_id           INT UNSIGNED NOT NULL,
  answer            ENUM('none','attend','leave','delegate') NOT NULL DEFAULT 'none',
  answered_at       DATETIME NULL,
  leave_reason      VARCHAR(1000) NULL,
  leave_decision    ENUM('pending','approved','refused') NULL,
  decided_by        INT UNSIGNED NULL,
  decided_at        DATETIME NULL,
  decision_note     VARCHAR(1000) NULL,
  delegate_name     VARCHAR(255) NULL,
  delegate_position VARCHAR(255) NULL,
  opinion_text      TEXT NULL,                    -- the written opinion sent with a delegate
  attended          ENUM('unknown','present','absent','delegate') NOT NULL DEFAULT 'unknown',
  recorded_by       INT UNSIGNED NULL,
  recorded_at       DATETIME NULL,
  version           INT UNSIGNED NOT NULL DEFAULT 1,
  PRIMARY KEY (meeting_id, user_id),
  KEY (user_id),
  CONSTRAINT fk_inv_meeting FOREIGN KEY (meeting_id) REFERENCES meeting(id),
  CONSTRAINT fk_inv_user FOREIGN KEY (user_id) REFERENCES app_user(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Conclusions and directions (Art. 6.6).  "overdue" is not stored: it is
-- deadline < today (Asia/Ho_Chi_Minh) while the status is new, in_progress
-- or reported.  reported = the owner unit says done; done = the working
-- group confirmed it.
CREATE TABLE direction (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code          VARCHAR(32) NOT NULL UNIQUE,      -- e.g. KL-2026-07
  body          TEXT NOT NULL,
  meeting_id    INT UNSIGNED NULL,
  source_doc    VARCHAR(255) NULL,                -- the document it came from when not a meeting
  given_by      INT UNSIGNED NOT NULL,            -- the head or a deputy
  given_on      DATE NOT NULL,
  deadline      DATE NOT NULL,
  status        ENUM('new','in_progress','reported','done','dropped') NOT NULL DEFAULT 'new',
  done_on       DATE NULL,                        -- the day the working group confirmed it
  drop_reason   VARCHAR(1000) NULL,
  created_by    INT UNSIGNED NOT NULL,
  created_at    DATETIME NOT NULL,
  version       INT UNSIGNED NOT NULL DEFAULT 1,
  KEY (deadline),
  CONSTRAINT fk_dir_meeting FOREIGN KEY (meeting_id) REFERENCES meeting(id),
  CONSTRAINT fk_dir_giver FOREIGN KEY (given_by) REFERENCES app_user(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE direction_unit (
  direction_id  INT UNSIGNED NOT NULL,
  unit_id       INT UNSIGNED NOT NULL,
  PRIMARY KEY (direction_id, unit_id),
  KEY (unit_id),
  CONSTRAINT fk_du_dir FOREIGN KEY (direction_id) REFERENCES direction(id),
  CONSTRAINT fk_du_unit FOREIGN KEY (unit_id) REFERENCES unit(id)
) ENGINE=InnoDB;

-- The owner units' progress notes (also in the audit trail).
CREATE TABLE direction_progress (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  direction_id  INT UNSIGNED NOT NULL,
  unit_id       INT UNSIGNED NULL,                -- NULL: a working-group entry
  user_id       INT UNSIGNED NOT NULL,
  at            DATETIME NOT NULL,
  status_from   VARCHAR(16) NOT NULL,
  status_to     VARCHAR(16) NOT NULL,
  note          VARCHAR(2000) NOT NULL,
  KEY (direction_id),
  CONSTRAINT fk_dp_dir FOREIGN KEY (direction_id) REFERENCES direction(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The annual work programme and inspection plan (Art. 3, 6.1, 9).
-- Budgets in million VND.
CREATE TABLE plan (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  year          SMALLINT UNSIGNED NOT NULL,
  kind          ENUM('work','inspection') NOT NULL,
  title         VARCHAR(500) NOT NULL,
  decision      VARCHAR(255) NULL,                -- the document that approved it
  UNIQUE KEY (year, kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE plan_task (
  id               INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  plan_id          INT UNSIGNED NOT NULL,
  code             VARCHAR(32) NOT NULL,
  title            VARCHAR(1000) NOT NULL,
  owner_unit_id    INT UNSIGNED NOT NULL,
  deadline         DATE NOT NULL,
  status           ENUM('not_started','in_progress','done','dropped') NOT NULL DEFAULT 'not_started',
  progress         TINYINT UNSIGNED NOT NULL DEFAULT 0,     -- percent, 0..100
  done_on          DATE NULL,
  budget_estimated DECIMAL(14,3) NULL,
  budget_allocated DECIMAL(14,3) NULL,
  budget_spent     DECIMAL(14,3) NULL,
  note             VARCHAR(2000) NULL,
  updated_by       INT UNSIGNED NULL,
  updated_at       DATETIME NULL,
  version          INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY (plan_id, code),
  KEY (owner_unit_id),
  CONSTRAINT fk_pt_plan FOREIGN KEY (plan_id) REFERENCES plan(id),
  CONSTRAINT fk_pt_owner FOREIGN KEY (owner_unit_id) REFERENCES unit(id),
  CONSTRAINT chk_pt_progress CHECK (progress <= 100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE plan_task_unit (               -- co-operating units
  task_id       INT UNSIGNED NOT NULL,
  unit_id       INT UNSIGNED NOT NULL,
  PRIMARY KEY (task_id, unit_id),
  KEY (unit_id),
  CONSTRAINT fk_ptu_task FOREIGN KEY (task_id) REFERENCES plan_task(id),
  CONSTRAINT fk_ptu_unit FOREIGN KEY (unit_id) REFERENCES unit(id)
) ENGINE=InnoDB;

-- The working group's picks and notes on the yearly commendation list
-- (the ranking itself is computed, not stored).
CREATE TABLE commendation (
  year          SMALLINT UNSIGNED NOT NULL,
  unit_id       INT UNSIGNED NOT NULL,
  picked        TINYINT(1) NOT NULL DEFAULT 0,
  note          VARCHAR(1000) NULL,
  updated_by    INT UNSIGNED NOT NULL,
  updated_at    DATETIME NOT NULL,
  PRIMARY KEY (year, unit_id),
  CONSTRAINT fk_com_unit FOREIGN KEY (unit_id) REFERENCES unit(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
