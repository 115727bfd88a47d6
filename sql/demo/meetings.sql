-- Demo: the committee's meetings (Art. 5.5, 7).  Fixed dates around the
-- demo's "today" (27/11/2026); times are UTC (Hanoi time minus 7 hours).
--   * The regular meeting reviewing Q3/2026, held on 08/10/2026: minutes
--     written, attendance recorded (one member sent a delegate with
--     a written opinion, one had leave approved).
--   * The regular meeting for Q4/2026 on 18/12/2026 08:30 (planned): agenda,
--     invitations with a few answers: a leave request waiting for the chair,
--     a delegate with a written opinion, a delegate without one (flagged).
--   * The working group's own meeting on 10/12/2026 14:00.
-- Two committee members without a login (directors of Sở Khoa học và Công
-- nghệ and chair of UBND phường Lê Chân) make the committee a little fuller.

UPDATE app_user SET position = 'Chủ tịch UBND thành phố, Trưởng ban' WHERE login = 'truongban';
UPDATE app_user SET position = 'Phó Chủ tịch UBND thành phố, Phó Trưởng ban Thường trực' WHERE login = 'photruongban';
UPDATE app_user SET position = 'Giám đốc Sở Nội vụ' WHERE login = 'giamdoc.noivu';
UPDATE app_user SET position = 'Chủ tịch UBND phường Hồng Bàng' WHERE login = 'chutich.hongbang';
UPDATE app_user SET position = 'Tổ trưởng Tổ công tác giúp việc' WHERE login = 'totonghop';

INSERT IGNORE INTO app_user (login, display_name, position, unit_id, roles, active, pw_hash)
SELECT 'giamdoc.khcn', 'Hoàng Minh Đức (Giám đốc Sở Khoa học và Công nghệ)', 'Giám đốc Sở Khoa học và Công nghệ',
       id, 'member,unit_head', 1, NULL FROM unit WHERE code = 'S-KHCN';
INSERT IGNORE INTO app_user (login, display_name, position, unit_id, roles, active, pw_hash)
SELECT 'chutich.lechan', 'Ngô Thị Mai (Chủ tịch UBND phường Lê Chân)', 'Chủ tịch UBND phường Lê Chân',
       id, 'member,unit_head', 1, NULL FROM unit WHERE code = 'P-LECHAN';

SET @wg = (SELECT id FROM app_user WHERE login = 'totonghop');
SET @head = (SELECT id FROM app_user WHERE login = 'truongban');
SET @deputy = (SELECT id FROM app_user WHERE login = 'photruongban');
SET @noivu = (SELECT id FROM app_user WHERE login = 'giamdoc.noivu');
SET @hb = (SELECT id FROM app_user WHERE login = 'chutich.hongbang');
SET @khcn = (SELECT id FROM app_user WHERE login = 'giamdoc.khcn');
SET @lc = (SELECT id FROM app_user WHERE login = 'chutich.lechan');
SET @q3 = (SELECT id FROM period WHERE kind = 'Q' AND year = 2026 AND seq = 3);
SET @q4 = (SELECT id FROM period WHERE kind = 'Q' AND year = 2026 AND seq = 4);

-- the Q3/2026 regular meeting, held
INSERT INTO meeting (kind, title, starts_at, ends_at, place, chair_id, period_id, notice, minutes,
                     status, created_by, created_at, version)
VALUES ('regular', 'Phiên họp thường kỳ Quý 3/2026 của Ban Chỉ đạo xây dựng Chính quyền điện tử',
        '2026-10-08 01:00:00', '2026-10-08 04:00:00', 'Phòng họp số 1, Trụ sở UBND thành phố, 18 Hoàng Diệu',
        @head, @q3,
        'Kính mời các thành viên Ban Chỉ đạo dự phiên họp đánh giá kết quả Quý 3/2026. Thành viên vắng mặt phải được Trưởng ban đồng ý; người dự thay mang theo ý kiến bằng văn bản.',
        'Ban Chỉ đạo nghe Tổ công tác báo cáo kết quả Quý 3/2026: 22/24 đơn vị nộp báo cáo, 3 đơn vị nộp muộn. Trưởng ban kết luận: các đơn vị chưa nộp hoàn thành trước 20/10/2026; Sở Nội vụ và UBND phường Hồng Bàng đẩy nhanh số hóa hồ sơ (Thông báo 45/TB-BCĐ ngày 15/10/2026).',
        'held', @wg, '2026-09-28 02:00:00', 3);
SET @m3 = LAST_INSERT_ID();
INSERT INTO meeting_agenda (meeting_id, seq, title, presenter) VALUES
  (@m3, 1, 'Báo cáo kết quả thực hiện Quý 3/2026', 'Tổ công tác giúp việc'),
  (@m3, 2, 'Tình hình số hóa hồ sơ thủ tục hành chính', 'Sở Nội vụ'),
  (@m3, 3, 'Kết luận của Trưởng ban', NULL);
INSERT INTO invitation (meeting_id, user_id, answer, answered_at, leave_reason, leave_decision,
                        decided_by, decided_at, decision_note, delegate_name, delegate_position,
                        opinion_text, attended, recorded_by, recorded_at, version) VALUES
  (@m3, @head, 'attend', '2026-09-29 01:00:00', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'present', @wg, '2026-10-08 05:00:00', 3),
  (@m3, @deputy, 'attend', '2026-09-29 02:00:00', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'present', @wg, '2026-10-08 05:00:00', 3),
  (@m3, @noivu, 'attend', '2026-09-30 03:00:00', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'present', @wg, '2026-10-08 05:00:00', 3),
  (@m3, @hb, 'delegate', '2026-10-01 08:00:00', NULL, NULL, NULL, NULL, NULL, 'Trần Quốc Khánh', 'Phó Chủ tịch UBND phường Hồng Bàng',
   'Phường Hồng Bàng đề nghị Sở Nội vụ hướng dẫn thống nhất cách số hóa hồ sơ đã giải quyết trước năm 2025.', 'delegate', @wg, '2026-10-08 05:00:00', 3),
  (@m3, @khcn, 'leave', '2026-10-02 02:00:00', 'Dự hội nghị của Bộ Khoa học và Công nghệ tại Hà Nội', 'approved', @head, '2026-10-02 09:00:00',
   'Đồng ý; Sở gửi báo cáo bằng văn bản.', NULL, NULL, NULL, 'absent', @wg, '2026-10-08 05:00:00', 4),
  (@m3, @lc, 'attend', '2026-10-03 02:00:00', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'present', @wg, '2026-10-08 05:00:00', 3);

-- the Q4/2026 regular meeting, planned, some answers in
INSERT INTO meeting (kind, title, starts_at, ends_at, place, chair_id, period_id, notice, status,
                     created_by, created_at, version)
VALUES ('regular', 'Phiên họp thường kỳ Quý 4/2026 và tổng kết năm 2026 của Ban Chỉ đạo',
        '2026-12-18 01:30:00', '2026-12-18 04:30:00', 'Phòng họp số 1, Trụ sở UBND thành phố, 18 Hoàng Diệu',
        @head, @q4,
        'Kính mời các thành viên Ban Chỉ đạo dự phiên họp thường kỳ Quý 4/2026, đánh giá kết quả năm 2026 và cho ý kiến về kế hoạch năm 2027.',
        'planned', @wg, '2026-11-20 02:00:00', 1);
SET @m4 = LAST_INSERT_ID();
INSERT INTO meeting_agenda (meeting_id, seq, title, presenter) VALUES
  (@m4, 1, 'Báo cáo kết quả Quý 4 và cả năm 2026', 'Tổ công tác giúp việc'),
  (@m4, 2, 'Dự thảo Kế hoạch xây dựng Chính quyền số năm 2027', 'Sở Khoa học và Công nghệ'),
  (@m4, 3, 'Đề xuất khen thưởng các đơn vị dẫn đầu', 'Sở Nội vụ');
INSERT INTO invitation (meeting_id, user_id, answer, answered_at, leave_reason, leave_decision,
                        delegate_name, delegate_position, opinion_text, version) VALUES
  (@m4, @head, 'none', NULL, NULL, NULL, NULL, NULL, NULL, 1),
  (@m4, @deputy, 'attend', '2026-11-21 02:00:00', NULL, NULL, NULL, NULL, NULL, 2),
  (@m4, @noivu, 'none', NULL, NULL, NULL, NULL, NULL, NULL, 1),
  (@m4, @hb, 'leave', '2026-11-23 03:00:00', 'Trùng lịch tiếp đoàn công tác của Thanh tra Chính phủ', 'pending', NULL, NULL, NULL, 2),
  (@m4, @khcn, 'delegate', '2026-11-24 04:00:00', NULL, NULL, 'Lương Thị Thu', 'Phó Giám đốc Sở Khoa học và Công nghệ',
   'Sở Khoa học và Công nghệ thống nhất với dự thảo kế hoạch năm 2027; đề nghị bổ sung chỉ tiêu về nền tảng dữ liệu dùng chung.', 2),
  (@m4, @lc, 'delegate', '2026-11-25 06:00:00', NULL, NULL, 'Đặng Văn Hải', 'Phó Chủ tịch UBND phường Lê Chân', NULL, 2);

-- the working group's meeting
INSERT INTO meeting (kind, title, starts_at, ends_at, place, chair_id, notice, status, created_by,
                     created_at, version)
VALUES ('wg', 'Họp Tổ công tác chuẩn bị phiên họp Quý 4/2026', '2026-12-10 07:00:00', '2026-12-10 09:00:00',
        'Phòng 204, Sở Khoa học và Công nghệ', @wg,
        'Rà soát số liệu Quý 4/2026, hoàn thiện báo cáo tóm tắt và tài liệu phiên họp.', 'planned', @wg,
        '2026-11-25 02:00:00', 1);
SET @mw = LAST_INSERT_ID();
INSERT INTO meeting_agenda (meeting_id, seq, title, presenter) VALUES
  (@mw, 1, 'Rà soát các đơn vị chưa nộp báo cáo Quý 4/2026', 'Lê Quang Huy'),
  (@mw, 2, 'Phân công chuẩn bị tài liệu phiên họp', NULL);
INSERT INTO invitation (meeting_id, user_id)
SELECT @mw, id FROM app_user WHERE active = 1 AND (FIND_IN_SET('wg', roles) OR FIND_IN_SET('wg_lead', roles));
