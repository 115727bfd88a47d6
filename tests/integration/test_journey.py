"""An officer's way through a form: open, save a draft with blanks, errors
shown next to their fields with the typed text kept, decimal comma and point,
ambiguous separators, required fields on submit, "not applicable", the
cross-field rule, a successful submit and the read-only form after it, the
previous period's value and the year target beside a field.

Own user j.hongbang (unit P-HONGBANG); own periods in 2030 and 2031."""

import re

from egov import (Client, check, complete_values, ensure_period, ensure_user, form_rows, run, sql, test)

PW = "password123"
USER = "j.hongbang"
UNIT = "P-HONGBANG"

MSG = {
    "syntax": "Không phải là số.",
    "ambiguous": "Không rõ dấu phân cách",
    "fraction": "Chỉ tiêu này chỉ nhận số nguyên.",
    "range": "Giá trị nằm ngoài khoảng cho phép",
    "required": "Chỉ tiêu bắt buộc",
    "na_note": "Khi đánh dấu &quot;Không áp dụng&quot;, hãy ghi rõ lý do",
    "rule": "Không khớp với chỉ tiêu liên quan",
}
RULE_TEXT = "Số dịch vụ công trực tuyến toàn trình không được lớn hơn tổng số thủ tục hành chính"


def officer():
    ensure_user(USER, UNIT, password=PW, name="Cán bộ thử nghiệm Hồng Bàng")
    return Client().login_ok(USER, PW)


def unit_id():
    return int(sql("SELECT id FROM unit WHERE code = '%s'" % UNIT)[0][0])


def url(pid):
    return "/report/form?period=%d" % pid


def post_form(c, pid, page, action, values):
    """Posts the form as a browser would: token and version from the page."""
    data = {"csrf": page.csrf(), "version": page.field("version"), "action": action}
    data.update(values)
    return c.post(url(pid), data)


def submission(pid):
    rows = sql("SELECT id, status, version FROM submission WHERE unit_id = %d AND period_id = %d"
               % (unit_id(), pid))
    return rows[0] if rows else None


def figure(pid, code):
    rows = sql("SELECT COALESCE(f.num_value, 'NULL'), COALESCE(f.text_value, 'NULL'), f.not_applicable, "
               "COALESCE(f.note, 'NULL') FROM figure f JOIN submission s ON s.id = f.submission_id "
               "JOIN indicator i ON i.id = f.indicator_id WHERE s.unit_id = %d AND s.period_id = %d "
               "AND i.code = '%s'" % (unit_id(), pid, code))
    return rows[0] if rows else None


def field_error(page, code):
    m = re.search(r'<span class="field-error" id="e_%s">(.*?)</span>' % re.escape(code), page.text, re.S)
    return m.group(1) if m else None


def row_html(page, code):
    """The <tr> of one indicator."""
    i = page.text.find('id="v_%s"' % code)
    check(i >= 0, "no row for %s" % code)
    start = page.text.rfind("<tr", 0, i)
    end = page.text.find("</tr>", i)
    return page.text[start:end]


def row_cells(page, code):
    """prev and target cells of one indicator row, text only."""
    cells = re.findall(r'<td class="num">(.*?)</td>', row_html(page, code), re.S)
    return [re.sub(r"<[^>]+>", "", c).strip() for c in cells]


@test
def form_opens_empty_for_a_new_period():
    pid = ensure_period("Q", 2031, 3)
    c = officer()
    page = c.get(url(pid))
    check(page.status == 200, "GET form: %d" % page.status)
    check("Quý 3/2031" in page.text, "period label missing")
    check("UBND phường Hồng Bàng" in page.text, "the unit is not shown")
    check('id="form-status">Chưa nhập<' in page.text, "status is not 'not started'")
    check(page.field("version") == "0", "version of a new form: %r" % page.field("version"))
    check(page.csrf() is not None, "no csrf token in the form")
    codes = [code for code, _ in form_rows(page)]
    check("DVC-TT" in codes and "DVC-TOTAL" in codes and "HT-BANGTHONG" in codes, "rows missing: %r" % codes)
    # department-only indicators are not asked of a commune
    check("KTS-GRDP" not in codes and "HT-TTDL" not in codes, "department-only rows shown to a commune")
    check('id="btn-save"' in page.text and 'id="btn-submit"' in page.text, "save/submit buttons missing")
    check(submission(pid) is None, "a GET created a submission")


@test
def save_draft_with_blanks():
    pid = ensure_period("Q", 2031, 3)
    c = officer()
    page = c.get(url(pid))
    r = post_form(c, pid, page, "save", {"v_NT-BCD-HOP": "3", "v_HT-BANGTHONG": "12,5",
                                         "problems": "Thiếu cán bộ chuyên trách."})
    check(r.status == 303, "save draft with blanks: %d" % r.status)
    check(r.header("Location") == "/report/form?period=%d&done=saved" % pid, "redirect to %r" % r.header("Location"))
    sub = submission(pid)
    check(sub is not None and sub[1] == "draft", "submission after a draft save: %r" % (sub,))
    n = sql("SELECT COUNT(*) FROM figure WHERE submission_id = %s" % sub[0])[0][0]
    check(n == "2", "figures stored for a draft with 2 values: %s" % n)
    check(figure(pid, "HT-BANGTHONG")[0] == "12.500000", "12,5 stored as %r" % (figure(pid, "HT-BANGTHONG"),))
    page = c.get(r.header("Location"))
    check(page.status == 200, "form after save: %d" % page.status)
    check('id="flash">Đã lưu bản nháp.<' in page.text, "no 'draft saved' message")
    check('id="form-status">Đang nhập (nháp)<' in page.text, "status is not draft")
    check(page.field("v_NT-BCD-HOP") == "3", "saved value not shown: %r" % page.field("v_NT-BCD-HOP"))
    check(page.field("v_HT-BANGTHONG") == "12,5", "decimal shown as %r" % page.field("v_HT-BANGTHONG"))
    check(page.field("v_DVC-TT") == "", "a blank field got a value: %r" % page.field("v_DVC-TT"))
    check("Thiếu cán bộ chuyên trách." in page.text, "problems text not shown")
    check(page.field("version") == sub[2], "form version %r, stored %r" % (page.field("version"), sub[2]))
    # a second draft save from the reloaded page works too (version moved on)
    r = post_form(c, pid, page, "save", {"v_NT-BCD-HOP": "4", "v_HT-BANGTHONG": "12,5"})
    check(r.status == 303, "second draft save: %d" % r.status)
    check(figure(pid, "NT-BCD-HOP")[0] == "4.000000", "second save not stored")
    check(int(submission(pid)[2]) == int(sub[2]) + 1, "version did not move on")


@test
def errors_are_shown_next_to_their_fields_and_typed_text_is_kept():
    pid = ensure_period("Q", 2031, 3)
    c = officer()
    page = c.get(url(pid))
    typed = {"v_NT-BCD-HOP": "ba cuộc", "v_NT-HOP-CHUTRI": "150", "v_HT-BANGTHONG": "1.234",
             "v_NL-TAPHUAN": "2,5", "v_DVC-TOTAL": "12", "n_DVC-TOTAL": "ghi chú giữ lại",
             "problems": "Vấn đề đã gõ"}
    r = post_form(c, pid, page, "save", typed)
    check(r.status == 422, "invalid draft: %d" % r.status)
    expect = {"NT-BCD-HOP": "syntax", "NT-HOP-CHUTRI": "range", "HT-BANGTHONG": "ambiguous",
              "NL-TAPHUAN": "fraction"}
    for code, key in expect.items():
        err = field_error(r, code)
        check(err is not None, "no error next to %s" % code)
        check(MSG[key] in err, "%s: expected %s message, got %r" % (code, key, err))
        check('aria-describedby="e_%s"' % code in r.text, "%s input not linked to its error" % code)
        check(r.field("v_" + code) == typed["v_" + code], "typed %s lost: %r" % (code, r.field("v_" + code)))
    check("(0–100)" in field_error(r, "NT-HOP-CHUTRI"), "range error does not say the range")
    check(field_error(r, "DVC-TOTAL") is None, "a valid field is marked in error")
    check(r.field("v_DVC-TOTAL") == "12", "valid typed value lost")
    check(">ghi chú giữ lại</textarea>" in r.text, "typed note lost")
    check(">Vấn đề đã gõ</textarea>" in r.text, "typed problems lost")
    check('id="error-summary"' in r.text and "(4)" in r.text, "error summary missing or wrong count")
    # a draft with errors stores nothing at all
    check(submission(pid) is None, "a rejected draft created a submission")
    # the page still carries the form to correct and resend
    check(r.csrf() == page.csrf() and r.field("version") == "0", "the 422 page cannot be resent")


@test
def decimal_comma_and_point():
    pid = ensure_period("Q", 2031, 3)
    c = officer()
    page = c.get(url(pid))
    r = post_form(c, pid, page, "save", {"v_HT-BANGTHONG": "7,25", "v_TC-NS-GIAO": "1234.75",
                                         "v_TC-NS-CHI": " 0,125 ", "v_NT-HOP-CHUTRI": "99.5",
                                         "v_NL-TAPHUAN": "007"})
    check(r.status == 303, "decimal comma and point: %d" % r.status)
    check(figure(pid, "HT-BANGTHONG")[0] == "7.250000", "7,25 -> %r" % (figure(pid, "HT-BANGTHONG"),))
    check(figure(pid, "TC-NS-GIAO")[0] == "1234.750000", "1234.75 -> %r" % (figure(pid, "TC-NS-GIAO"),))
    check(figure(pid, "TC-NS-CHI")[0] == "0.125000", "0,125 -> %r" % (figure(pid, "TC-NS-CHI"),))
    check(figure(pid, "NT-HOP-CHUTRI")[0] == "99.500000", "99.5 -> %r" % (figure(pid, "NT-HOP-CHUTRI"),))
    check(figure(pid, "NL-TAPHUAN")[0] == "7.000000", "007 -> %r" % (figure(pid, "NL-TAPHUAN"),))
    page = c.get(url(pid))
    for code, shown in (("HT-BANGTHONG", "7,25"), ("TC-NS-GIAO", "1234,75"), ("TC-NS-CHI", "0,125"),
                        ("NT-HOP-CHUTRI", "99,5"), ("NL-TAPHUAN", "7")):
        check(page.field("v_" + code) == shown, "%s shown as %r, not %r" % (code, page.field("v_" + code), shown))


@test
def ambiguous_thousands_separators_are_rejected():
    pid = ensure_period("Q", 2031, 3)
    c = officer()
    page = c.get(url(pid))
    for typed in ("1.234", "1,234", "12.500", "1.234.567", "1.234,5"):
        r = post_form(c, pid, page, "save", {"v_TC-NS-GIAO": typed})
        check(r.status == 422, "%r accepted: %d" % (typed, r.status))
        err = field_error(r, "TC-NS-GIAO")
        check(err is not None and MSG["ambiguous"] in err, "%r: error %r" % (typed, err))
        check(r.field("v_TC-NS-GIAO") == typed, "%r not kept" % typed)
    check(submission(pid) is None, "an ambiguous number was stored")


@test
def submit_with_required_fields_missing():
    pid = ensure_period("Q", 2031, 3)
    c = officer()
    page = c.get(url(pid))
    r = post_form(c, pid, page, "save", {"v_NT-BCD-HOP": "2"})
    check(r.status == 303, "draft: %d" % r.status)
    page = c.get(url(pid))
    version = submission(pid)[2]
    # everything but two required fields and the optional text
    values = complete_values(page)
    values["v_DVC-TT"] = ""
    values["v_HT-CLOUD"] = ""
    values["v_TC-KEHOACH-SO"] = ""
    r = post_form(c, pid, page, "submit", values)
    check(r.status == 422, "submit with required fields missing: %d" % r.status)
    for code in ("DVC-TT", "HT-CLOUD"):
        err = field_error(r, code)
        check(err is not None and MSG["required"] in err, "%s: %r" % (code, err))
    check(field_error(r, "TC-KEHOACH-SO") is None, "the optional text is treated as required")
    check(field_error(r, "NT-BCD-HOP") is None, "a filled field is in error")
    check("(2)" in r.text, "error count is not 2")
    sub = submission(pid)
    check(sub[1] == "draft" and sub[2] == version, "a refused submit changed the submission: %r" % (sub,))
    check(figure(pid, "DVC-TOTAL") is None, "a refused submit stored values")
    # the same blanks are fine in a draft
    r = post_form(c, pid, page, "save", values)
    check(r.status == 303, "the same values as a draft: %d" % r.status)


@test
def not_applicable_needs_a_note():
    pid = ensure_period("Q", 2031, 3)
    c = officer()
    page = c.get(url(pid))
    r = post_form(c, pid, page, "save", {"na_HT-CLOUD": "1", "n_HT-CLOUD": "   "})
    check(r.status == 422, "not applicable without a note: %d" % r.status)
    err = field_error(r, "HT-CLOUD")
    check(err is not None and MSG["na_note"] in err, "na without note: %r" % err)
    check(re.search(r'name="na_HT-CLOUD" value="1" checked', r.text), "the ticked box was not kept")
    check(submission(pid) is None, "stored despite the error")
    r = post_form(c, pid, page, "save", {"na_HT-CLOUD": "1", "n_HT-CLOUD": "Chưa thuê dịch vụ đám mây",
                                         "v_HT-CLOUD": ""})
    check(r.status == 303, "not applicable with a note: %d" % r.status)
    f = figure(pid, "HT-CLOUD")
    check(f is not None and f[2] == "1" and f[3] == "Chưa thuê dịch vụ đám mây" and f[0] == "NULL",
          "stored as %r" % (f,))
    page = c.get(url(pid))
    check(re.search(r'name="na_HT-CLOUD" value="1" checked', page.text), "the box is not shown ticked")
    check(">Chưa thuê dịch vụ đám mây</textarea>" in page.text, "the note is not shown")
    # a not-applicable required field satisfies submit
    values = complete_values(page)
    values.update({"v_HT-CLOUD": "", "na_HT-CLOUD": "1", "n_HT-CLOUD": "Chưa thuê dịch vụ đám mây"})
    r = post_form(c, pid, page, "submit", values)
    check(r.status == 303, "submit with a not-applicable required field: %d" % r.status)
    check(submission(pid)[1] == "submitted", "not submitted")
    check(figure(pid, "HT-CLOUD")[2] == "1", "not-applicable lost on submit")


@test
def cross_field_rule_checked_on_submit():
    pid = ensure_period("Q", 2031, 3)
    c = officer()
    page = c.get(url(pid))
    values = complete_values(page, **{"v_DVC-TOTAL": "5", "v_DVC-TT": "10"})
    r = post_form(c, pid, page, "submit", values)
    check(r.status == 422, "DVC-TT > DVC-TOTAL accepted on submit: %d" % r.status)
    check(RULE_TEXT in r.text, "the rule's message is not shown")
    err = field_error(r, "DVC-TT")
    check(err is not None and MSG["rule"] in err, "no error next to DVC-TT: %r" % err)
    check(r.field("v_DVC-TT") == "10" and r.field("v_DVC-TOTAL") == "5", "typed values lost")
    check(submission(pid) is None, "a refused submit stored something")
    # a draft may be inconsistent for a while: the rule binds on submit
    r = post_form(c, pid, page, "save", values)
    check(r.status == 303, "draft with the rule broken: %d" % r.status)
    # equal is allowed
    page = c.get(url(pid))
    r = post_form(c, pid, page, "submit", complete_values(page, **{"v_DVC-TOTAL": "10", "v_DVC-TT": "10"}))
    check(r.status == 303, "DVC-TT = DVC-TOTAL refused: %d" % r.status)


@test
def whole_journey_to_an_on_time_submission():
    pid = ensure_period("Q", 2031, 4)
    c = officer()
    home = c.get("/report/")
    check(home.status == 200, "/report/: %d" % home.status)
    check('href="/report/form?period=%d"' % pid in home.text, "the open period is not listed")
    page = c.get(url(pid))
    check(page.status == 200 and page.field("version") == "0", "form: %d" % page.status)
    # draft with blanks
    r = post_form(c, pid, page, "save", {"v_DVC-TOTAL": "120", "problems": "Đang tổng hợp"})
    check(r.status == 303, "draft: %d" % r.status)
    page = c.get(r.header("Location"))
    # a submit with errors, then corrected
    values = complete_values(page, **{"v_DVC-TOTAL": "120", "v_DVC-TT": "95,5"})
    # other tests leave figures in the previous quarter: explain any jump from them
    values.update({"n" + k[1:]: "Số liệu kỳ này" for k in list(values) if k.startswith("v_")})
    r = post_form(c, pid, page, "submit", values)
    check(r.status == 422, "fraction in an integer: %d" % r.status)
    check(MSG["fraction"] in (field_error(r, "DVC-TT") or ""), "no fraction error")
    values["v_DVC-TT"] = "95"
    values["problems"] = "Thiếu kinh phí"
    values["proposals"] = "Bổ sung kinh phí"
    r = post_form(c, pid, r, "submit", values)
    check(r.status == 303, "submit: %d %s" % (r.status, r.text[:200]))
    check(r.header("Location") == "/report/form?period=%d&done=submitted" % pid, "redirect %r" % r.header("Location"))
    sub = submission(pid)
    check(sub[1] == "submitted", "status after submit: %r" % (sub,))
    row = sql("SELECT submitted_by = (SELECT id FROM app_user WHERE login = '%s'), submitted_at IS NOT NULL, "
              "problems, proposals FROM submission WHERE id = %s" % (USER, sub[0]))[0]
    check(row[:2] == ["1", "1"], "submitted_by/at not recorded: %r" % row)
    check(row[2:] == ["Thiếu kinh phí", "Bổ sung kinh phí"], "texts stored as %r" % row[2:])
    n = int(sql("SELECT COUNT(*) FROM figure WHERE submission_id = %s" % sub[0])[0][0])
    nfig = len([k for k in values if k.startswith("v_")])
    check(n == nfig, "figures stored: %d of %d" % (n, nfig))
    # the confirmation, and the read-only form
    page = c.get(r.header("Location"))
    check('id="flash">Đã gửi báo cáo.' in page.text, "no 'submitted' message")
    # the form says on time, as the unit's list does (was a bare "submitted")
    check('class="status st-on_time" id="form-status">Đã gửi đúng hạn<' in page.text,
          "form status is not 'submitted on time'")
    check("(nộp ngày " in page.text, "the submission date is not shown")
    check('action="/report/form' not in page.text, "the submitted form is still editable")
    check('id="btn-submit"' not in page.text and 'name="v_' not in page.text, "inputs left on a read-only form")
    check(re.search(r'<span class="value" id="v_DVC-TT">95</span>', page.text), "submitted value not shown")
    check("Thiếu kinh phí" in page.text, "problems not shown read-only")
    # the unit's list says on time
    home = c.get("/report/")
    m = re.search(r"Quý 4/2031</th>.*?<span class=\"status st-([a-z_]+)\">([^<]*)<", home.text, re.S)
    check(m is not None and m.group(1) == "on_time", "status on /report/: %r" % ((m and m.groups()),))
    check(m.group(2) == "Đã gửi đúng hạn", "status text: %r" % m.group(2))
    # a POST after submit is refused and changes nothing
    before = sql("SELECT version, status, problems FROM submission WHERE id = %s" % sub[0])
    r = c.post(url(pid), {"csrf": page.csrf(), "version": sub[2], "action": "save",
                          "v_DVC-TT": "1", "problems": "đã sửa sau khi gửi"})
    check(r.status == 409, "POST after submit: %d" % r.status)
    check("Báo cáo đã được gửi nên không sửa được nữa." in r.text, "read-only message missing")
    check(sql("SELECT version, status, problems FROM submission WHERE id = %s" % sub[0]) == before,
          "a POST after submit changed the submission")
    check(figure(pid, "DVC-TT")[0] == "95.000000", "a POST after submit changed a figure")
    r = c.post(url(pid), {"csrf": page.csrf(), "version": sub[2], "action": "submit",
                          **complete_values(page)})
    check(r.status == 409, "re-submit: %d" % r.status)


@test
def previous_value_and_year_target_beside_the_field():
    q1 = ensure_period("Q", 2030, 3)
    q2 = ensure_period("Q", 2030, 4)
    sql("DELETE FROM target WHERE year = 2030 AND indicator_id IN "
        "(SELECT id FROM indicator WHERE code IN ('NT-BCD-HOP', 'HT-BANGTHONG', 'HT-CLOUD'))")
    sql("INSERT INTO target (indicator_id, year, unit_id, target_value) "
        "SELECT id, 2030, NULL, 6 FROM indicator WHERE code = 'NT-BCD-HOP' UNION ALL "
        "SELECT id, 2030, NULL, 8.5 FROM indicator WHERE code = 'HT-BANGTHONG' UNION ALL "
        "SELECT id, 2030, (SELECT id FROM unit WHERE code = '%s'), 12.25 FROM indicator "
        "WHERE code = 'HT-BANGTHONG' UNION ALL "
        "SELECT id, 2030, NULL, 1 FROM indicator WHERE code = 'HT-CLOUD'" % UNIT)
    c = officer()
    page = c.get(url(q1))
    r = post_form(c, q1, page, "save", {"v_NT-BCD-HOP": "3", "v_HT-BANGTHONG": "7,5",
                                        "na_DVC-TT": "1", "n_DVC-TT": "Không có", "v_HT-CLOUD": "0"})
    check(r.status == 303, "Q3 draft: %d" % r.status)
    page = c.get(url(q2))
    check(page.status == 200, "Q4 form: %d" % page.status)
    check(row_cells(page, "NT-BCD-HOP") == ["3", "6"], "NT-BCD-HOP prev/target: %r" % row_cells(page, "NT-BCD-HOP"))
    # a unit's own target wins over the city's
    check(row_cells(page, "HT-BANGTHONG") == ["7,5", "12,25"], "HT-BANGTHONG: %r" % row_cells(page, "HT-BANGTHONG"))
    check(row_cells(page, "DVC-TT") == ["Không áp dụng", ""], "DVC-TT: %r" % row_cells(page, "DVC-TT"))
    check(row_cells(page, "HT-CLOUD") == ["Không", "Có"], "HT-CLOUD: %r" % row_cells(page, "HT-CLOUD"))
    check(row_cells(page, "DOC-TOTAL") == ["", ""], "a row without history: %r" % row_cells(page, "DOC-TOTAL"))
    # a yes/no row without history or target is blank, not "No" (was "Không")
    check(row_cells(page, "HT-IPV6") == ["", ""], "yes/no row without history: %r" % row_cells(page, "HT-IPV6"))
    # the previous period's value is shown, not copied into this period's field
    check(page.field("v_NT-BCD-HOP") == "", "the previous value was copied into the field")


@test
def returned_form_can_be_corrected_and_submitted_again():
    pid = ensure_period("Q", 2030, 1)
    c = officer()
    page = c.get(url(pid))
    r = post_form(c, pid, page, "submit", complete_values(page))
    check(r.status == 303, "first submit: %d" % r.status)
    sub = submission(pid)
    sql("UPDATE submission SET status = 'returned', review_comment = 'Thiếu số liệu <b>DVC-TT</b>', "
        "version = version + 1 WHERE id = %s" % sub[0])
    page = c.get(url(pid))
    check('id="form-status">Bị trả lại<' in page.text, "status is not 'returned'")
    check("Thiếu số liệu &lt;b&gt;DVC-TT&lt;/b&gt;" in page.text, "review comment not shown (escaped)")
    check('id="btn-submit"' in page.text, "a returned form is not editable")
    r = post_form(c, pid, page, "save", complete_values(page, **{"v_DVC-TT": "0"}))
    check(r.status == 303 and submission(pid)[1] == "returned", "draft save of a returned form: %d %r"
          % (r.status, submission(pid)))
    page = c.get(url(pid))
    r = post_form(c, pid, page, "submit", complete_values(page, **{"v_DVC-TT": "0"}))
    check(r.status == 303 and submission(pid)[1] == "submitted", "re-submit: %d" % r.status)
    check(figure(pid, "DVC-TT")[0] == "0.000000", "corrected value not stored")
    # accepted is final for the unit
    sql("UPDATE submission SET status = 'accepted' WHERE id = %s" % sub[0])
    page = c.get(url(pid))
    check('id="btn-save"' not in page.text, "an accepted form is editable")
    r = c.post(url(pid), {"csrf": page.csrf(), "version": submission(pid)[2], "action": "save", "v_DVC-TT": "1"})
    check(r.status == 409 and figure(pid, "DVC-TT")[0] == "0.000000", "POST to an accepted form: %d" % r.status)


@test
def text_value_n_a_is_not_confused_with_not_applicable():
    """A text indicator may hold the words "n/a"; that is not the box."""
    pid = ensure_period("Q", 2030, 2)
    c = officer()
    page = c.get(url(pid))
    r = post_form(c, pid, page, "save", {"na_TC-KEHOACH-SO": "1", "n_TC-KEHOACH-SO": "chưa ban hành"})
    check(r.status == 303, "not applicable: %d" % r.status)
    check(figure(pid, "TC-KEHOACH-SO")[1:3] == ["NULL", "1"], "stored as %r" % (figure(pid, "TC-KEHOACH-SO"),))
    # untick the box and type the words n/a, same note
    page = c.get(url(pid))
    r = post_form(c, pid, page, "save", {"v_TC-KEHOACH-SO": "n/a", "n_TC-KEHOACH-SO": "chưa ban hành"})
    check(r.status == 303, "text 'n/a': %d" % r.status)
    f = figure(pid, "TC-KEHOACH-SO")
    check(f[1:3] == ["n/a", "0"], "text 'n/a' after 'not applicable' stored as text_value=%r, "
          "not_applicable=%r" % (f[1], f[2]))
    page = c.get(url(pid))
    check(page.field("v_TC-KEHOACH-SO") is None and ">n/a</textarea>" in page.text,
          "the form does not show the typed text")
    check(not re.search(r'name="na_TC-KEHOACH-SO" value="1" checked', page.text), "the box is still ticked")


run()
