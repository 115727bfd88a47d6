-- The national indices the city reports to (DTI, PAR Index, formerly the ICT
-- Index), held as data: an export layout belongs to an index *version*, and
-- the working group enters and corrects criteria as the ministries publish
-- them.  What no public source confirmed is marked verified = 0.
CREATE TABLE nat_index (
  code          VARCHAR(16)  NOT NULL PRIMARY KEY,      -- DTI, PAR, ICT
  name          VARCHAR(255) NOT NULL,
  name_en       VARCHAR(255) NOT NULL,
  owner         VARCHAR(255) NULL,                      -- the ministry that runs it
  sort          INT NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE index_version (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  index_code    VARCHAR(16)  NOT NULL,
  code          VARCHAR(32)  NOT NULL UNIQUE,           -- e.g. DTI2022
  name          VARCHAR(255) NOT NULL,
  decision      VARCHAR(255) NULL,                      -- e.g. 922/QĐ-BTTTT, 20/5/2022
  year_from     SMALLINT UNSIGNED NOT NULL,             -- first assessment year it applies to
  year_to       SMALLINT UNSIGNED NULL,                 -- last one; NULL while current
  max_points    DECIMAL(10,2) NULL,
  verified      TINYINT(1) NOT NULL DEFAULT 0,
  source        VARCHAR(500) NULL,
  CONSTRAINT fk_iv_index FOREIGN KEY (index_code) REFERENCES nat_index(code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Main indices (parent_id NULL) and their components / criteria, in the
-- columns of an official criteria table.
CREATE TABLE index_criterion (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  version_id    INT UNSIGNED NOT NULL,
  parent_id     INT UNSIGNED NULL,
  code          VARCHAR(32)  NOT NULL,                  -- as the index numbers it: 1, 1.2, 7.3.1
  name          VARCHAR(500) NOT NULL,
  name_en       VARCHAR(500) NULL,
  max_points    DECIMAL(10,2) NULL,
  scoring       ENUM('ratio','tiers','role','evidence','value','survey','other') NOT NULL DEFAULT 'other',
  scoring_text  VARCHAR(2000) NULL,                     -- "cách xác định và tính điểm"
  evidence_text VARCHAR(1000) NULL,                     -- "tài liệu kiểm chứng"
  data_source   VARCHAR(500) NULL,                      -- "nguồn thu thập dữ liệu"
  verifier      VARCHAR(255) NULL,                      -- "đơn vị phối hợp xác minh số liệu"
  unit_kinds    SET('department','district','commune','other') NOT NULL DEFAULT 'department,district',
  verified      TINYINT(1) NOT NULL DEFAULT 0,
  source        VARCHAR(500) NULL,
  sort          INT NOT NULL DEFAULT 0,
  active        TINYINT(1) NOT NULL DEFAULT 1,
  UNIQUE KEY (version_id, code),
  CONSTRAINT fk_ic_version FOREIGN KEY (version_id) REFERENCES index_version(id),
  CONSTRAINT fk_ic_parent FOREIGN KEY (parent_id) REFERENCES index_criterion(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Which of our indicators feed a criterion: value in the criterion's unit =
-- our value × factor + offset (e.g. a share 0..1 into a percentage: 100).
-- One indicator may feed criteria of several indices and versions; a
-- criterion with no row here is a gap the export shows.
CREATE TABLE criterion_indicator (
  criterion_id  INT UNSIGNED NOT NULL,
  indicator_id  INT UNSIGNED NOT NULL,
  factor        DECIMAL(20,10) NOT NULL DEFAULT 1,
  offset_value  DECIMAL(20,6)  NOT NULL DEFAULT 0,
  uom           VARCHAR(64) NULL,                       -- the criterion's unit of measure when it differs
  note          VARCHAR(500) NULL,                      -- why this conversion
  verified      TINYINT(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (criterion_id, indicator_id),
  KEY (indicator_id),
  CONSTRAINT fk_ci_crit FOREIGN KEY (criterion_id) REFERENCES index_criterion(id),
  CONSTRAINT fk_ci_ind FOREIGN KEY (indicator_id) REFERENCES indicator(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
