-- The national indices the city reports to, their versions, criteria and the
-- mapping of our indicators to those criteria (tables of migration 0005).
-- Run once after indicators.csv; safe to run again (INSERT IGNORE on the
-- natural keys: version code, version + criterion code, criterion +
-- indicator).  What no public source confirmed is marked verified = 0 and
-- says so in `source`: the working group corrects it at /review/indices.
-- Facts: the domain notes INDICES.md and INDICATORS.md (cited below as
-- "INDICES.md" and "INDICATORS.md").

SET NAMES utf8mb4;

INSERT IGNORE INTO nat_index (code, name, name_en, owner, sort) VALUES
 ('DTI', 'Chỉ số đánh giá mức độ chuyển đổi số cấp tỉnh (DTI)',
  'Provincial Digital Transformation Index (DTI)',
  'Bộ Thông tin và Truyền thông (từ 01/03/2025 hợp nhất vào Bộ Khoa học và Công nghệ)', 10),
 ('PAR', 'Chỉ số cải cách hành chính (PAR Index)', 'Public Administration Reform Index (PAR Index)',
  'Bộ Nội vụ', 20),
 ('ICT', 'Chỉ số sẵn sàng cho phát triển và ứng dụng CNTT-TT (Vietnam ICT Index)',
  'Vietnam ICT Index (readiness for ICT development and application)',
  'Bộ Thông tin và Truyền thông; Hội Tin học Việt Nam', 30);

-- ---------------------------------------------------------------------------
-- Versions
-- ---------------------------------------------------------------------------
INSERT IGNORE INTO index_version (index_code, code, name, decision, year_from, year_to, max_points,
                                  verified, source) VALUES
 ('DTI', 'DTI2022', 'Bộ chỉ số DTI cấp tỉnh 2022', '922/QĐ-BTTTT ngày 20/5/2022', 2022, 2023, 1000, 1,
  'INDICES.md: Quyết định 922/QĐ-BTTTT (20/5/2022) sửa Quyết định 1726/QĐ-BTTTT; 1.000 điểm, 9 chỉ số chính, 98 chỉ số thành phần, 3 trụ cột. Năm cuối áp dụng (2023) suy ra từ việc DTI 2024 dùng bộ mới.'),
 ('DTI', 'DTI2024', 'Bộ chỉ số DTI cấp tỉnh 2024', NULL, 2024, NULL, NULL, 0,
  'CHƯA XÁC MINH: INDICES.md chỉ xác nhận 8 chỉ số chính, 47 chỉ số thành phần, thu thập trực tuyến với số liệu có kiểm chứng, kết quả công bố 21/10/2025. Quyết định ban hành, tên các chỉ số chính và điểm tối đa chưa có văn bản gốc.'),
 ('PAR', 'PAR2948', 'Chỉ số CCHC cấp tỉnh theo Quyết định 2948/QĐ-BNV', '2948/QĐ-BNV', 2017, 2021, 100, 1,
  'INDICES.md: 8 lĩnh vực, 38 tiêu chí, 81 tiêu chí thành phần, 100 điểm; điểm tối đa từng lĩnh vực đã xác nhận. Ngày ký quyết định và năm đầu áp dụng (2017) chưa đối chiếu văn bản gốc.'),
 ('PAR', 'PAR876', 'Chỉ số CCHC cấp tỉnh theo Quyết định 876/QĐ-BNV', '876/QĐ-BNV (2022)', 2022, NULL, 100, 0,
  'INDICES.md: áp dụng từ 2022; lĩnh vực 7 đổi thành xây dựng và phát triển Chính phủ điện tử, Chính phủ số; một phần của 100 điểm lấy từ điều tra xã hội học. Tên và điểm các lĩnh vực khác chưa xác minh (tạm lấy theo 2948).'),
 ('ICT', 'ICT2005', 'Vietnam ICT Index (cấp tỉnh, 2005–2020, đã dừng)', NULL, 2005, 2020, NULL, 0,
  'INDICATORS.md: 3 thành phần hạ tầng kỹ thuật, hạ tầng nhân lực, ứng dụng CNTT (xếp hạng riêng ứng dụng nội bộ và dịch vụ công trực tuyến); từ 2016 thêm công nghiệp CNTT; điểm 0–1. CHƯA XÁC MINH: văn bản ban hành và cách chuẩn hóa (giá trị ÷ tỉnh cao nhất, trọng số bằng nhau).');

-- ---------------------------------------------------------------------------
-- DTI 2022: the 9 main indices (INDICES.md, confirmed)
-- ---------------------------------------------------------------------------
SET @v = (SELECT id FROM index_version WHERE code = 'DTI2022');
INSERT IGNORE INTO index_criterion (version_id, parent_id, code, name, name_en, max_points, scoring,
  scoring_text, evidence_text, data_source, verifier, unit_kinds, verified, source, sort)
SELECT @v, NULL, m.code, m.name, m.name_en, m.pts, 'other', m.txt,
  'Tài liệu kiểm chứng theo từng chỉ số thành phần (số, tên, ngày, trích yếu văn bản hoặc bản chụp văn bản).',
  m.src, 'Sở Khoa học và Công nghệ (trước 01/03/2025: Sở Thông tin và Truyền thông)', m.kinds, 1,
  'INDICES.md; Quyết định 922/QĐ-BTTTT ngày 20/5/2022', m.sort
FROM (
  SELECT '1' AS code, 'Nhận thức số' AS name, 'Digital awareness' AS name_en, 100 AS pts,
    'Tổng điểm của 10 chỉ số thành phần. Thuộc nhóm nền tảng chung (chỉ số 1–6, 500 điểm).' AS txt,
    'Báo cáo của các sở, ngành, địa phương' AS src, 'department,district,commune' AS kinds, 10 AS sort
  UNION ALL SELECT '2', 'Thể chế số', 'Digital institutions', 100,
    'Tổng điểm của 11 chỉ số thành phần. Thuộc nhóm nền tảng chung (chỉ số 1–6, 500 điểm).',
    'Báo cáo của các sở, ngành, địa phương', 'department,district,commune', 20
  UNION ALL SELECT '3', 'Hạ tầng số', 'Digital infrastructure', 100,
    'Tổng điểm của 7 chỉ số thành phần. Thuộc nhóm nền tảng chung (chỉ số 1–6, 500 điểm).',
    'Báo cáo của các sở, ngành, địa phương', 'department,district,commune', 30
  UNION ALL SELECT '4', 'Nhân lực số', 'Digital human resources', 100,
    'Tổng điểm của 13 chỉ số thành phần. Thuộc nhóm nền tảng chung (chỉ số 1–6, 500 điểm).',
    'Báo cáo của các sở, ngành, địa phương', 'department,district,commune', 40
  UNION ALL SELECT '5', 'An toàn thông tin mạng', 'Cyber security', 100,
    'Tổng điểm của 12 chỉ số thành phần. Thuộc nhóm nền tảng chung (chỉ số 1–6, 500 điểm).',
    'Báo cáo của các sở, ngành, địa phương', 'department,district,commune', 50
  UNION ALL SELECT '6', 'Đô thị thông minh', 'Smart city', 0,
    'Gồm 3 chỉ số thành phần; không tính điểm (0 điểm). Thuộc nhóm nền tảng chung.',
    'Chưa có chỉ tiêu báo cáo tương ứng', 'department', 60
  UNION ALL SELECT '7', 'Hoạt động chính quyền số', 'Digital government activities', 200,
    'Tổng điểm của 22 chỉ số thành phần. Thuộc nhóm hoạt động (chỉ số 7–9, 500 điểm).',
    'Báo cáo của các sở, ngành, địa phương; hệ thống thông tin giải quyết TTHC', 'department,district,commune', 70
  UNION ALL SELECT '8', 'Hoạt động kinh tế số', 'Digital economy activities', 150,
    'Tổng điểm của 12 chỉ số thành phần. Thuộc nhóm hoạt động (chỉ số 7–9, 500 điểm).',
    'Chỉ tiêu cấp thành phố do một sở báo cáo; số liệu thống kê', 'department', 80
  UNION ALL SELECT '9', 'Hoạt động xã hội số', 'Digital society activities', 150,
    'Tổng điểm của 8 chỉ số thành phần. Thuộc nhóm hoạt động (chỉ số 7–9, 500 điểm).',
    'Chỉ tiêu cấp thành phố do một sở báo cáo; số liệu thống kê', 'department', 90
) AS m;

-- Components where our indicators give a basis.  The official component
-- table was not available: codes 1.a, 1.b, 2.a, 2.b are ours and the
-- scoring follows the patterns of INDICES.md, so all are unverified.
INSERT IGNORE INTO index_criterion (version_id, parent_id, code, name, name_en, max_points, scoring,
  scoring_text, evidence_text, data_source, unit_kinds, verified, source, sort)
SELECT @v, p.id, m.code, m.name, m.name_en, m.pts, m.scoring, m.txt, m.ev, m.src,
  'department,district,commune', 0,
  'CHƯA XÁC MINH: mã thành phần do Tổ công tác đặt khi chưa có bảng chỉ số thành phần chính thức; cách tính theo mẫu trong INDICES.md', m.sort
FROM (
  SELECT '1' AS parent, '1.a' AS code, 'Tổ chức họp Ban Chỉ đạo chuyển đổi số trong năm' AS name,
    'Steering committee meetings held in the year' AS name_en, 20 AS pts, 'tiers' AS scoring,
    'Theo bậc: 4 cuộc họp trong năm → 20 điểm; 3 cuộc → 15; 2 cuộc → 10; 1 cuộc → 5; không họp → 0.' AS txt,
    'Thông báo kết luận hoặc biên bản từng cuộc họp (số, ngày, trích yếu).' AS ev,
    'Báo cáo của đơn vị (chỉ tiêu NT-BCD-HOP)' AS src, 11 AS sort
  UNION ALL SELECT '1', '1.b', 'Tỷ lệ cuộc họp về chuyển đổi số do người đứng đầu chủ trì',
    'Digital transformation meetings chaired by the head', NULL, 'ratio',
    'a = số cuộc họp về chuyển đổi số do người đứng đầu chủ trì; b = tổng số cuộc họp về chuyển đổi số; điểm = (a ÷ b) × điểm tối đa.',
    'Danh sách cuộc họp kèm thông báo kết luận ghi rõ người chủ trì.',
    'Báo cáo của đơn vị (chỉ tiêu NT-HOP-CHUTRI)', 12
  UNION ALL SELECT '2', '2.a', 'Ban hành văn bản chỉ đạo, điều hành về chuyển đổi số theo yêu cầu',
    'Digital transformation directions issued as required', NULL, 'ratio',
    'a = số văn bản chỉ đạo đã ban hành; b = số văn bản thành phố yêu cầu ban hành; điểm = (a ÷ b) × điểm tối đa.',
    'Danh mục văn bản (số, tên, ngày, trích yếu).',
    'Báo cáo của đơn vị (chỉ tiêu TC-VANBAN-CD)', 21
  UNION ALL SELECT '2', '2.b', 'Ban hành kế hoạch chuyển đổi số năm', 'Annual digital transformation plan issued',
    NULL, 'evidence',
    'Có kế hoạch năm → điểm tối đa; không có, hoặc không có tài liệu kiểm chứng → 0 điểm (hoặc phải giải trình bằng văn bản).',
    'Số, ký hiệu, ngày ban hành và trích yếu kế hoạch (chỉ tiêu TC-KEHOACH-SO) hoặc bản chụp kế hoạch.',
    'Báo cáo của đơn vị (chỉ tiêu TC-KEHOACH)', 22
) AS m
JOIN index_criterion p ON p.version_id = @v AND p.code = m.parent AND p.parent_id IS NULL;

-- ---------------------------------------------------------------------------
-- DTI 2024: 8 main indices whose names and points are not confirmed
-- ---------------------------------------------------------------------------
SET @v = (SELECT id FROM index_version WHERE code = 'DTI2024');
INSERT IGNORE INTO index_criterion (version_id, parent_id, code, name, name_en, max_points, scoring,
  scoring_text, data_source, unit_kinds, verified, source, sort)
SELECT @v, NULL, n.code, CONCAT('Chỉ số chính ', n.code, ' (chưa xác nhận tên)'),
  CONCAT('Main index ', n.code, ' (name not confirmed)'), NULL, 'other',
  'Chưa có bảng chỉ số chính thức: nhập tên, điểm tối đa và các chỉ số thành phần khi có văn bản (47 chỉ số thành phần cho cả bộ).',
  'Thu thập trực tuyến, báo cáo thống kê có kiểm chứng', 'department,district,commune', 0,
  'CHƯA XÁC MINH: INDICES.md chỉ xác nhận số lượng (8 chỉ số chính, 47 thành phần), không có tên', n.code * 10
FROM (SELECT '1' AS code UNION ALL SELECT '2' UNION ALL SELECT '3' UNION ALL SELECT '4'
      UNION ALL SELECT '5' UNION ALL SELECT '6' UNION ALL SELECT '7' UNION ALL SELECT '8') AS n;

-- ---------------------------------------------------------------------------
-- PAR Index under 2948/QĐ-BNV: 8 areas with their points (confirmed)
-- ---------------------------------------------------------------------------
SET @v = (SELECT id FROM index_version WHERE code = 'PAR2948');
INSERT IGNORE INTO index_criterion (version_id, parent_id, code, name, name_en, max_points, scoring,
  scoring_text, evidence_text, data_source, verifier, unit_kinds, verified, source, sort)
SELECT @v, NULL, m.code, m.name, m.name_en, m.pts, 'other', m.txt,
  'Mỗi điểm tự chấm phải kèm tài liệu kiểm chứng hoặc giải trình; tổ thẩm định chấm lại sau hạn.',
  'Phần mềm tự đánh giá của tỉnh; báo cáo của các sở, ngành, địa phương', 'Sở Nội vụ',
  'department,district,commune', 1,
  'INDICES.md (lĩnh vực và điểm tối đa); tên tiếng Việt theo cách gọi thông dụng, chưa đối chiếu từng chữ với văn bản gốc', m.sort
FROM (
  SELECT '1' AS code, 'Công tác chỉ đạo, điều hành cải cách hành chính' AS name,
    'Steering and managing reform' AS name_en, 10.00 AS pts, 'Tự chấm và thẩm định.' AS txt, 10 AS sort
  UNION ALL SELECT '2', 'Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật', 'Legal documents', 10.00,
    'Tự chấm và thẩm định.', 20
  UNION ALL SELECT '3', 'Cải cách thủ tục hành chính', 'Administrative procedures', 14.50,
    'Tự chấm và thẩm định.', 30
  UNION ALL SELECT '4', 'Cải cách tổ chức bộ máy hành chính', 'Organisation of the apparatus', 11.00,
    'Tự chấm và thẩm định.', 40
  UNION ALL SELECT '5', 'Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức', 'Civil servants', 16.00,
    'Tự chấm và thẩm định.', 50
  UNION ALL SELECT '6', 'Cải cách tài chính công', 'Public finance', 7.00, 'Tự chấm và thẩm định.', 60
  UNION ALL SELECT '7', 'Hiện đại hóa hành chính', 'Administrative modernisation', 16.00,
    'Gồm 5 tiêu chí, 18 tiêu chí thành phần; mang các tiêu chí về công nghệ thông tin.', 70
  UNION ALL SELECT '8', 'Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội',
    'Impact on people and the economy', 15.50, 'Tự chấm, thẩm định và điều tra xã hội học.', 80
) AS m;

-- ---------------------------------------------------------------------------
-- PAR Index under 876/QĐ-BNV (from 2022): area 7 renamed; the rest unverified
-- ---------------------------------------------------------------------------
SET @v = (SELECT id FROM index_version WHERE code = 'PAR876');
INSERT IGNORE INTO index_criterion (version_id, parent_id, code, name, name_en, max_points, scoring,
  scoring_text, evidence_text, data_source, verifier, unit_kinds, verified, source, sort)
SELECT @v, NULL, c.code, c.name, c.name_en, NULL, 'other', 'Tự chấm và thẩm định; điểm tối đa chưa xác minh.',
  c.evidence_text, c.data_source, c.verifier, c.unit_kinds, 0,
  'CHƯA XÁC MINH: tên và điểm tạm lấy theo 2948/QĐ-BNV, chưa đối chiếu 876/QĐ-BNV', c.sort
FROM index_criterion c JOIN index_version v ON v.id = c.version_id
WHERE v.code = 'PAR2948' AND c.parent_id IS NULL AND c.code <> '7';
INSERT IGNORE INTO index_criterion (version_id, parent_id, code, name, name_en, max_points, scoring,
  scoring_text, evidence_text, data_source, verifier, unit_kinds, verified, source, sort)
VALUES (@v, NULL, '7', 'Xây dựng và phát triển Chính phủ điện tử, Chính phủ số',
  'Building and developing e-government and digital government', NULL, 'other',
  'Thay cho lĩnh vực Hiện đại hóa hành chính của 2948/QĐ-BNV; mang các tiêu chí về công nghệ thông tin. Điểm tối đa chưa xác minh.',
  'Mỗi điểm tự chấm phải kèm tài liệu kiểm chứng hoặc giải trình.',
  'Phần mềm tự đánh giá của tỉnh; báo cáo của các sở, ngành, địa phương', 'Sở Nội vụ',
  'department,district,commune', 1, 'INDICES.md: lĩnh vực 7 đổi tên từ 2022 (876/QĐ-BNV); điểm tối đa chưa xác minh', 70);

-- Parts of the PAR Index scored from surveys and from the ISO 9001 system:
-- no figure of ours can fill the survey part, so it stays a gap.
INSERT IGNORE INTO index_criterion (version_id, parent_id, code, name, name_en, max_points, scoring,
  scoring_text, evidence_text, data_source, unit_kinds, verified, source, sort)
SELECT v.id, p.id, m.code, m.name, m.name_en, NULL, m.scoring, m.txt, m.ev, m.src, m.kinds, 0, m.source, m.sort
FROM (
  SELECT '8' AS parent, '8.a' AS code, 'Phần điểm từ điều tra xã hội học (người dân, tổ chức, cán bộ, công chức)' AS name,
    'Points from sociological surveys' AS name_en, 'survey' AS scoring,
    'Do Bộ Nội vụ điều tra xã hội học; đơn vị không tự chấm và không báo cáo số liệu.' AS txt,
    NULL AS ev, 'Điều tra xã hội học của Bộ Nội vụ' AS src, 'other' AS kinds,
    'CHƯA XÁC MINH: INDICES.md chỉ nói một phần của 100 điểm lấy từ điều tra xã hội học; mã 8.a và việc thuộc lĩnh vực 8 do Tổ công tác đặt' AS source, 81 AS sort
  UNION ALL SELECT '7', '7.a', 'Áp dụng Hệ thống quản lý chất lượng theo tiêu chuẩn TCVN ISO 9001',
    'Quality management system under TCVN ISO 9001 applied', 'evidence',
    'Đơn vị áp dụng và duy trì hệ thống ISO 9001 → điểm tối đa của tiêu chí; không áp dụng → 0.',
    'Quyết định công bố hệ thống quản lý chất lượng phù hợp TCVN ISO 9001:2015.',
    'Báo cáo của đơn vị (chỉ tiêu CCHC-ISO)', 'department,district,commune',
    'CHƯA XÁC MINH: INDICATORS.md #32 (ISO 9001 trong lĩnh vực hiện đại hóa hành chính chưa xác nhận); mã 7.a do Tổ công tác đặt', 71
) AS m
JOIN index_version v ON v.code IN ('PAR2948', 'PAR876')
JOIN index_criterion p ON p.version_id = v.id AND p.code = m.parent AND p.parent_id IS NULL;

-- ---------------------------------------------------------------------------
-- Vietnam ICT Index (discontinued after 2020)
-- ---------------------------------------------------------------------------
SET @v = (SELECT id FROM index_version WHERE code = 'ICT2005');
INSERT IGNORE INTO index_criterion (version_id, parent_id, code, name, name_en, max_points, scoring,
  scoring_text, data_source, unit_kinds, verified, source, sort)
SELECT @v, NULL, m.code, m.name, m.name_en, NULL, 'value',
  'Điểm 0–1. Cách chuẩn hóa (giá trị ÷ giá trị của tỉnh cao nhất, trọng số bằng nhau) CHƯA XÁC MINH.',
  'Báo cáo của các sở, ngành, địa phương; số liệu thống kê', 'department,district', 1,
  m.source, m.sort
FROM (
  SELECT 'HTKT' AS code, 'Hạ tầng kỹ thuật' AS name, 'Technical infrastructure' AS name_en,
    'INDICATORS.md (thành phần ICT Index)' AS source, 10 AS sort
  UNION ALL SELECT 'HTNL', 'Hạ tầng nhân lực', 'Human resources', 'INDICATORS.md (thành phần ICT Index)', 20
  UNION ALL SELECT 'UD', 'Ứng dụng công nghệ thông tin', 'IT application', 'INDICATORS.md (thành phần ICT Index)', 30
  UNION ALL SELECT 'CNCNTT', 'Công nghiệp công nghệ thông tin (từ 2016)', 'IT industry (from 2016)',
    'INDICATORS.md (thêm từ 2016: doanh thu, số doanh nghiệp, số lao động)', 40
) AS m;
INSERT IGNORE INTO index_criterion (version_id, parent_id, code, name, name_en, max_points, scoring,
  scoring_text, data_source, unit_kinds, verified, source, sort)
SELECT @v, p.id, m.code, m.name, m.name_en, NULL, 'value',
  'Xếp hạng riêng trong thành phần ứng dụng CNTT; điểm 0–1, cách chuẩn hóa CHƯA XÁC MINH.',
  'Báo cáo của các sở, ngành, địa phương', 'department,district', 1,
  'INDICATORS.md (xếp hạng con của ứng dụng CNTT)', m.sort
FROM (
  SELECT 'UD-NB' AS code, 'Ứng dụng CNTT trong nội bộ cơ quan nhà nước' AS name,
    'IT application for internal use' AS name_en, 31 AS sort
  UNION ALL SELECT 'UD-DVC', 'Dịch vụ công trực tuyến', 'Online public services', 32
) AS m
JOIN index_criterion p ON p.version_id = @v AND p.code = 'UD' AND p.parent_id IS NULL;

-- ---------------------------------------------------------------------------
-- Mappings.  An indicator's dti_code / par_code / ict_code names the
-- criterion it feeds (DTI22-7 → DTI 2022 criterion 7, PAR-7 → area 7 of
-- both PAR versions, ICT-UD-NB → ICT criterion UD-NB).  Where a component
-- of that criterion fits better, the listed component takes the indicator
-- instead, but only if the component sits under the criterion the
-- indicator's own code names (so the two never disagree).
-- value in the criterion's unit = our value × factor + offset_value.
-- ---------------------------------------------------------------------------
INSERT IGNORE INTO criterion_indicator (criterion_id, indicator_id, factor, offset_value, uom, note, verified)
SELECT c.id, i.id, m.factor, 0, m.uom, m.note, 0
FROM (
  SELECT 'DTI2022' AS ver, 'NT-BCD-HOP' AS ind, '1.a' AS crit, 5 AS factor, 'điểm' AS uom,
    'Số cuộc họp → điểm: 5 điểm mỗi cuộc, tối đa 20 điểm (4 cuộc); phần vượt điểm tối đa không tính.' AS note
  UNION ALL SELECT 'DTI2022', 'NT-HOP-CHUTRI', '1.b', 0.01, 'tỷ lệ (0–1)',
    'Phần trăm → tỷ lệ a ÷ b; điểm = tỷ lệ × điểm tối đa.'
  UNION ALL SELECT 'DTI2022', 'TC-VANBAN-CD', '2.a', 0.01, 'tỷ lệ (0–1)',
    'Phần trăm → tỷ lệ a ÷ b; điểm = tỷ lệ × điểm tối đa.'
  UNION ALL SELECT 'DTI2022', 'TC-KEHOACH', '2.b', 1, 'có (1) / không (0)',
    'Có = đạt điểm tối đa của tiêu chí khi kèm số hiệu văn bản (TC-KEHOACH-SO).'
  UNION ALL SELECT 'PAR2948', 'CCHC-ISO', '7.a', 1, 'có (1) / không (0)',
    'Có = đạt điểm tối đa của tiêu chí.'
  UNION ALL SELECT 'PAR876', 'CCHC-ISO', '7.a', 1, 'có (1) / không (0)',
    'Có = đạt điểm tối đa của tiêu chí. Vị trí của tiêu chí ISO trong 876/QĐ-BNV chưa xác minh.'
) AS m
JOIN index_version v ON v.code = m.ver
JOIN index_criterion c ON c.version_id = v.id AND c.code = m.crit
JOIN index_criterion p ON p.id = c.parent_id
JOIN indicator i ON i.code = m.ind AND i.active = 1
WHERE CASE v.index_code
        WHEN 'DTI' THEN i.dti_code = CONCAT('DTI22-', p.code)
        WHEN 'PAR' THEN i.par_code = CONCAT('PAR-', p.code)
        ELSE i.ict_code = CONCAT('ICT-', p.code) END;

-- Every other indicator feeds the criterion its code names.  A yes/no
-- figure is aggregated city-wide as the share of units answering yes, already
-- a percentage (docs/scoring.md): no conversion.  Verified when both the
-- criterion and the indicator's own index code are.
INSERT IGNORE INTO criterion_indicator (criterion_id, indicator_id, factor, offset_value, uom, note, verified)
SELECT c.id, i.id,
  1, 0,
  CASE WHEN i.vtype = 'yesno' THEN '%' ELSE NULL END,
  CASE WHEN i.vtype = 'yesno'
       THEN 'Có/Không: giá trị toàn thành phố đã là tỷ lệ % đơn vị trả lời Có (0–100); một đơn vị: 0 hoặc 100.'
       ELSE 'Cùng đơn vị đo với chỉ tiêu: căn cứ để chấm điểm, không đổi đơn vị.' END,
  c.verified AND i.verified
FROM index_version v
JOIN index_criterion c ON c.version_id = v.id AND c.active = 1
JOIN indicator i ON i.active = 1 AND CASE v.index_code
        WHEN 'DTI' THEN v.code = 'DTI2022' AND i.dti_code = CONCAT('DTI22-', c.code)
        WHEN 'PAR' THEN i.par_code = CONCAT('PAR-', c.code)
        ELSE i.ict_code = CONCAT('ICT-', c.code) END
WHERE NOT EXISTS (SELECT 1 FROM criterion_indicator x JOIN index_criterion xc ON xc.id = x.criterion_id
                  WHERE x.indicator_id = i.id AND xc.version_id = v.id);
