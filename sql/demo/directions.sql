-- Demo: conclusions and directions, and the 2026 annual plan (Art. 3, 6.6, 9).
-- Fixed dates, so that on 27/11/2026 (the demo's "today") two directions are
-- overdue (KL-2026-03 and KL-2026-05) and three plan tasks are overdue (CT-02,
-- CT-04, KT-03).
-- This file runs before the meetings' demo data, so a direction takes the
-- Q3/2026 regular meeting when one exists and always names its source
-- document.

SET @wg = (SELECT id FROM app_user WHERE login = 'totonghop');
SET @head = (SELECT id FROM app_user WHERE login = 'truongban');
SET @deputy = (SELECT id FROM app_user WHERE login = 'photruongban');
SET @noivu = (SELECT id FROM app_user WHERE login = 'canbo.noivu');
SET @hb = (SELECT id FROM app_user WHERE login = 'canbo.hongbang');
SET @q3mt = (SELECT m.id FROM meeting m JOIN period p ON p.id = m.period_id
             WHERE m.kind = 'regular' AND p.kind = 'Q' AND p.year = 2026 AND p.seq = 3 LIMIT 1);
SET @tb = 'Thông báo 45/TB-BCĐ ngày 15/10/2026 kết luận phiên họp Quý 3/2026';

INSERT INTO direction (code, body, meeting_id, source_doc, given_by, given_on, deadline, status,
                       done_on, drop_reason, created_by, created_at) VALUES
('KL-2026-01', 'Hoàn thành kết nối hệ thống một cửa điện tử của các phường với Cổng dịch vụ công quốc gia.',
  NULL, 'Công văn 112/BCĐ-TCT ngày 10/03/2026', @head, '2026-03-10', '2026-06-30', 'done', '2026-06-25', NULL, @wg, '2026-03-11 02:00:00'),
('KL-2026-02', 'Rà soát, cắt giảm thành phần hồ sơ của 20 thủ tục hành chính có số lượng hồ sơ lớn nhất.',
  NULL, 'Công văn 205/BCĐ-TCT ngày 05/05/2026', @deputy, '2026-05-05', '2026-09-30', 'done', '2026-10-02', NULL, @wg, '2026-05-06 02:00:00'),
('KL-2026-03', 'Số hóa và tái sử dụng kết quả giải quyết thủ tục hành chính đạt tối thiểu 80% trong các sở.',
  @q3mt, @tb, @head, '2026-10-15', '2026-10-31', 'in_progress', NULL, NULL, @wg, '2026-10-16 02:00:00'),
('KL-2026-04', 'Báo cáo đầy đủ, đúng hạn số liệu chỉ số chuyển đổi số (DTI) năm 2026 của đơn vị.',
  @q3mt, @tb, @deputy, '2026-10-15', '2026-12-15', 'new', NULL, NULL, @wg, '2026-10-16 02:05:00'),
('KL-2026-05', 'Khắc phục tình trạng nộp báo cáo quý chậm; phân công cán bộ đầu mối và báo cáo kết quả.',
  @q3mt, @tb, @deputy, '2026-10-15', '2026-11-15', 'new', NULL, NULL, @wg, '2026-10-16 02:10:00'),
('KL-2026-06', 'Triển khai chữ ký số cho 100% lãnh đạo cấp phòng của đơn vị.',
  @q3mt, @tb, @head, '2026-10-15', '2026-12-31', 'reported', NULL, NULL, @wg, '2026-10-16 02:15:00'),
('KL-2026-07', 'Xây dựng kho dữ liệu dùng chung về đất đai của thành phố.',
  NULL, 'Công văn 260/BCĐ-TCT ngày 01/07/2026', @head, '2026-07-01', '2026-09-30', 'dropped', NULL,
  'Nhiệm vụ đã giao cho dự án của Bộ Nông nghiệp và Môi trường theo Kế hoạch 18/KH-UBND.', @wg, '2026-07-02 02:00:00'),
('KL-2026-08', 'Tổ chức tập huấn kỹ năng số cho cán bộ một cửa các phường.',
  @q3mt, @tb, @deputy, '2026-10-15', '2027-01-31', 'in_progress', NULL, NULL, @wg, '2026-10-16 02:20:00');

INSERT INTO direction_unit (direction_id, unit_id)
SELECT d.id, u.id FROM direction d JOIN unit u ON (d.code, u.code) IN (
  ('KL-2026-01', 'P-HONGBANG'), ('KL-2026-01', 'P-LECHAN'),
  ('KL-2026-02', 'S-NOIVU'), ('KL-2026-02', 'VP-UBND'),
  ('KL-2026-03', 'S-NOIVU'), ('KL-2026-03', 'S-TUPHAP'),
  ('KL-2026-04', 'S-NOIVU'), ('KL-2026-04', 'P-HONGBANG'), ('KL-2026-04', 'P-LECHAN'),
  ('KL-2026-05', 'P-HONGBANG'),
  ('KL-2026-06', 'S-NOIVU'),
  ('KL-2026-07', 'S-NNMT'),
  ('KL-2026-08', 'S-KHCN'), ('KL-2026-08', 'P-HONGBANG'));

INSERT INTO direction_progress (direction_id, unit_id, user_id, at, status_from, status_to, note)
SELECT d.id, u.id, @noivu, '2026-11-05 03:00:00', 'new', 'in_progress',
  'Đã số hóa 62% kết quả; đang bổ sung máy quét cho bộ phận một cửa.'
FROM direction d JOIN unit u ON u.code = 'S-NOIVU' WHERE d.code = 'KL-2026-03';
INSERT INTO direction_progress (direction_id, unit_id, user_id, at, status_from, status_to, note)
SELECT d.id, u.id, @noivu, '2026-11-20 03:00:00', 'new', 'reported',
  'Đã cấp chữ ký số cho 100% lãnh đạo cấp phòng (24/24).'
FROM direction d JOIN unit u ON u.code = 'S-NOIVU' WHERE d.code = 'KL-2026-06';
INSERT INTO direction_progress (direction_id, unit_id, user_id, at, status_from, status_to, note)
SELECT d.id, NULL, @wg, '2026-06-25 03:00:00', 'reported', 'done', 'Đã kiểm tra kết nối trên Cổng dịch vụ công.'
FROM direction d WHERE d.code = 'KL-2026-01';

-- The 2026 plans (budgets in million VND)
INSERT INTO plan (year, kind, title, decision) VALUES
(2026, 'work', 'Chương trình công tác năm 2026 của Ban Chỉ đạo', 'Quyết định 15/QĐ-BCĐ ngày 20/01/2026'),
(2026, 'inspection', 'Kế hoạch kiểm tra công tác chuyển đổi số năm 2026', 'Kế hoạch 22/KH-BCĐ ngày 25/01/2026');
SET @pw = (SELECT id FROM plan WHERE year = 2026 AND kind = 'work');
SET @pi = (SELECT id FROM plan WHERE year = 2026 AND kind = 'inspection');

INSERT INTO plan_task (plan_id, code, title, owner_unit_id, deadline, status, progress, done_on,
                       budget_estimated, budget_allocated, budget_spent, note, updated_by, updated_at)
SELECT t.plan_id, t.code, t.title, u.id, t.deadline, t.status, t.progress, t.done_on, t.est, t.alloc,
       t.spent, t.note, @wg, '2026-11-20 02:00:00'
FROM (
  SELECT @pw AS plan_id, 'CT-01' AS code, 'Nâng cấp hệ thống thông tin giải quyết thủ tục hành chính thành phố' AS title,
         'S-KHCN' AS unit, DATE '2026-06-30' AS deadline, 'done' AS status, 100 AS progress, DATE '2026-06-28' AS done_on,
         1500.000 AS est, 1450.000 AS alloc, 1420.500 AS spent, NULL AS note
  UNION ALL SELECT @pw, 'CT-02', 'Số hóa hồ sơ cán bộ, công chức, viên chức', 'S-NOIVU', '2026-09-30', 'in_progress', 70, NULL, 850, 800, 520.250, 'Đã số hóa 70% hồ sơ.'
  UNION ALL SELECT @pw, 'CT-03', 'Triển khai nền tảng họp trực tuyến đến cấp xã', 'VP-UBND', '2026-12-31', 'in_progress', 60, NULL, 2200, 2000, 1100, NULL
  UNION ALL SELECT @pw, 'CT-04', 'Chuẩn hóa dữ liệu dân cư phục vụ dịch vụ công của phường', 'P-HONGBANG', '2026-10-31', 'in_progress', 45, NULL, 300, 250, 90.5, 'Thiếu nhân lực nhập liệu.'
  UNION ALL SELECT @pw, 'CT-05', 'Đào tạo kỹ năng số cho cán bộ, công chức', 'S-NOIVU', '2026-12-15', 'in_progress', 80, NULL, 400, 400, 310, NULL
  UNION ALL SELECT @pw, 'CT-06', 'Triển khai thanh toán không dùng tiền mặt tại bộ phận một cửa', 'P-LECHAN', '2026-09-30', 'done', 100, '2026-09-20', 150, 150, 142, NULL
  UNION ALL SELECT @pw, 'CT-07', 'Xây dựng cơ sở dữ liệu ngành tài chính dùng chung', 'S-TAICHINH', '2026-12-31', 'not_started', 0, NULL, 3000, 1500, NULL, 'Chờ phê duyệt dự án.'
  UNION ALL SELECT @pw, 'CT-08', 'Đánh giá chỉ số DTI năm 2025 và đề xuất giải pháp', 'S-KHCN', '2026-03-31', 'done', 100, '2026-03-25', 120, 120, 118.75, NULL
  UNION ALL SELECT @pi, 'KT-01', 'Kiểm tra công tác chuyển đổi số tại Sở Nội vụ', 'TT-TP', '2026-06-30', 'done', 100, '2026-06-20', 30, 30, 28, NULL
  UNION ALL SELECT @pi, 'KT-02', 'Kiểm tra việc cung cấp dịch vụ công trực tuyến tại phường Hồng Bàng', 'TT-TP', '2026-09-30', 'done', 100, '2026-09-25', 25, 25, 24.5, NULL
  UNION ALL SELECT @pi, 'KT-03', 'Tự kiểm tra việc bảo đảm an toàn thông tin của đơn vị', 'P-HONGBANG', '2026-11-20', 'in_progress', 50, NULL, 20, 20, 8, NULL
  UNION ALL SELECT @pi, 'KT-04', 'Kiểm tra việc báo cáo số liệu định kỳ của các phường', 'S-NOIVU', '2026-12-20', 'not_started', 0, NULL, 40, 35, NULL, NULL
) t JOIN unit u ON u.code = t.unit;

INSERT INTO plan_task_unit (task_id, unit_id)
SELECT t.id, u.id FROM plan_task t JOIN unit u ON (t.code, u.code) IN (
  ('CT-01', 'S-NOIVU'), ('CT-02', 'S-KHCN'), ('CT-03', 'P-HONGBANG'), ('CT-03', 'S-KHCN'),
  ('CT-04', 'S-NOIVU'), ('CT-05', 'P-HONGBANG'), ('CT-07', 'S-KHCN'),
  ('KT-01', 'S-KHCN'), ('KT-02', 'S-NOIVU'), ('KT-03', 'S-KHCN'), ('KT-04', 'P-HONGBANG'))
WHERE t.plan_id IN (@pw, @pi);

-- the demo rows enter the audit trail as the working group's entries
INSERT INTO audit (at, actor_id, action, entity, entity_id, new_value, request_id)
SELECT created_at, @wg, 'direction_create', 'direction', id, deadline, 'demo' FROM direction;
