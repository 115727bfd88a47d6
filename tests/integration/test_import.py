"""The unit's form as an XLSX template (/export/template.xlsx) and the filled
template imported back (/report/import): a round trip keeps every figure;
the import meets the web form's rules with the web form's messages and
stores nothing when anything is wrong; another unit's or period's template,
non-XLSX files, zip bombs, stale versions, missing CSRF tokens and locked
periods are refused; officers get only their own unit's template, the
working group any unit's.

Own users i.hongbang (P-HONGBANG), i.noivu (S-NOIVU), i.wg (wg); own
periods in 2034."""

import io
import os
import re
import sys
import zipfile

from egov import (Client, check, ensure_period, ensure_user, form_rows, run, sql, test)

try:
    import openpyxl
except ImportError:
    # Debian's python3-openpyxl (scripts/deps.sh) when python3 is another build
    sys.path.append("/usr/lib/python3/dist-packages")
    import openpyxl

PW = "password123"
UNIT, OTHER = "P-HONGBANG", "S-NOIVU"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# the template's columns (cgi/export/template.h), from 1 as openpyxl counts
COL_CODE, COL_VALUE, COL_NA, COL_NOTE, COL_KIND = 1, 6, 7, 8, 10


def officer(login="i.hongbang", unit=UNIT):
    ensure_user(login, unit, password=PW, name="Cán bộ nhập tệp " + unit)
    return Client().login_ok(login, PW)


def wg():
    ensure_user("i.wg", "-", roles="wg", password=PW, name="Tổ công tác nhập tệp")
    return Client().login_ok("i.wg", PW)


def unit_id(code=UNIT):
    return int(sql("SELECT id FROM unit WHERE code = '%s'" % code)[0][0])


def form_url(pid):
    return "/report/form?period=%d" % pid


def template(c, pid, unit=None):
    q = "/export/template.xlsx?period=%d" % pid + ("&unit=%s" % unit if unit else "")
    return c.get(q)


def book(resp):
    check(resp.status == 200, "template: %d %s" % (resp.status, resp.text[:200]))
    check(resp.header("Content-Type") == XLSX, "template type %r" % resp.header("Content-Type"))
    return openpyxl.load_workbook(io.BytesIO(resp.body))


def ind_rows(ws):
    """{code: row number} of the indicator rows, in sheet order."""
    out = {}
    for row in range(1, ws.max_row + 1):
        if ws.cell(row, COL_KIND).value == "ind":
            out[ws.cell(row, COL_CODE).value] = row
    return out


def marked_row(ws, mark):
    for row in range(1, ws.max_row + 1):
        if ws.cell(row, COL_KIND).value == mark:
            return row
    raise AssertionError("no %s row" % mark)


def saved(wb):
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def multipart(fields, filename, data):
    boundary = "----imptest%s" % os.urandom(8).hex()
    out = io.BytesIO()
    for k, v in fields.items():
        out.write(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n"
                   % (boundary, k, v)).encode("utf-8"))
    out.write(("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"\r\n"
               "Content-Type: %s\r\n\r\n" % (boundary, filename, XLSX)).encode("utf-8"))
    out.write(data + b"\r\n")
    out.write(("--%s--\r\n" % boundary).encode("utf-8"))
    return out.getvalue(), "multipart/form-data; boundary=%s" % boundary


def import_file(c, pid, data, version=None, csrf=True, filename="bieu-mau.xlsx"):
    """Posts a file as the form page's import form does: token and version
    from the page unless given."""
    page = c.get(form_url(pid))
    fields = {"period": str(pid), "version": page.field("version") if version is None else str(version)}
    if csrf:
        fields = dict(csrf=page.csrf() or c.token(), **fields)
    body, ct = multipart(fields, filename, data)
    return c.request("POST", "/report/import", body=body, headers={"Content-Type": ct}, raw=True)


def submission(pid, code=UNIT):
    rows = sql("SELECT id, status, version FROM submission WHERE unit_id = %d AND period_id = %d"
               % (unit_id(code), pid))
    return rows[0] if rows else None


def figures(pid):
    """{code: (num, text, na, note)} stored for the unit's form."""
    rows = sql("SELECT i.code, COALESCE(f.num_value, 'NULL'), COALESCE(f.text_value, 'NULL'), "
               "f.not_applicable, COALESCE(f.note, 'NULL') FROM figure f "
               "JOIN submission s ON s.id = f.submission_id JOIN indicator i ON i.id = f.indicator_id "
               "WHERE s.unit_id = %d AND s.period_id = %d" % (unit_id(), pid))
    return {r[0]: tuple(r[1:]) for r in rows}


def field_error(page, code):
    m = re.search(r'<span class="field-error" id="e_%s">(.*?)</span>' % re.escape(code), page.text, re.S)
    return m.group(1) if m else None


def reason(page):
    m = re.search(r'<p class="error" id="imp-reason">(.*?)</p>', page.text, re.S)
    return re.sub(r"\s+", " ", m.group(1)).strip() if m else None


def web_save(c, pid, values):
    page = c.get(form_url(pid))
    data = {"csrf": page.csrf(), "version": page.field("version"), "action": "save"}
    data.update(values)
    return c.post(form_url(pid), data)


def nothing_stored(pid, before):
    check(figures(pid) == before, "figures changed: %r -> %r" % (before, figures(pid)))


@test
def template_lists_the_form_rows_in_order_with_locked_codes():
    pid = ensure_period("Q", 2034, 1)
    c = officer()
    r = web_save(c, pid, {"v_NT-BCD-HOP": "3", "n_NT-BCD-HOP": "ghi chú nháp"})
    check(r.status == 303, "web save: %d" % r.status)
    page = c.get(form_url(pid))
    check('<form method="post" action="/report/import" enctype="multipart/form-data" id="import-form">'
          in page.text, "no import form on the form page")
    check('<label for="imp-file">' in page.text and 'id="btn-import">Nhập từ tệp Excel<' in page.text,
          "import form without its label or button")
    check('href="/export/template.xlsx?period=%d"' % pid in page.text, "no link to the template")
    wb = book(template(c, pid))
    ws = wb.worksheets[0]
    key = ws.cell(1, COL_KIND).value
    check(key == "egov-form;1;unit=%d;period=%d;code=%s" % (unit_id(), pid, UNIT), "key %r" % key)
    check(ws.column_dimensions["J"].hidden, "the key column is not hidden")
    check(ws.cell(2, 2).value == UNIT and ws.cell(4, 2).value == "Quý 1/2034", "header block wrong")
    codes = [code for code, _ in form_rows(page)]
    rows = ind_rows(ws)
    check(list(rows) == codes, "template rows %r differ from the form's %r" % (list(rows), codes))
    row = rows["NT-BCD-HOP"]
    check(ws.cell(row, COL_VALUE).value == 3, "draft figure not prefilled: %r" % ws.cell(row, COL_VALUE).value)
    check(ws.cell(row, COL_NOTE).value == "ghi chú nháp", "draft note not prefilled")
    check(ws.protection.sheet, "the sheet is not protected")
    check(ws.cell(row, COL_CODE).protection.locked, "the code cell is not locked")
    check(not ws.cell(row, COL_VALUE).protection.locked, "the value cell is locked")
    check(not ws.cell(marked_row(ws, "problems"), 2).protection.locked, "problems cell locked")
    yesno = [code for code, kind in form_rows(page) if kind == "yesno"][0]
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    check(any(ws.cell(rows[yesno], COL_VALUE).coordinate in dv.sqref for dv in lists),
          "no yes/no list on %s" % yesno)
    n = sql("SELECT COUNT(*) FROM audit WHERE action = 'export' AND new_value LIKE "
            "'%%template unit=%s period=%d%%'" % (UNIT, pid))[0][0]
    check(int(n) >= 1, "template export not audited")


def fill(ws, page):
    """Fills every row with a value of its kind; returns {code: expected
    (num, text, na, note)} and what the page must show for some."""
    expect = {}
    rows = ind_rows(ws)
    kinds = dict(form_rows(page))
    for code, row in rows.items():
        kind = kinds[code]
        if kind == "yesno":
            ws.cell(row, COL_VALUE).value = "Có"
            expect[code] = ("1.000000", "NULL", "0", "NULL")
        elif kind == "text":
            ws.cell(row, COL_VALUE).value = "KH 12/KH-UBND"
            expect[code] = ("NULL", "KH 12/KH-UBND", "0", "NULL")
        elif kind == "date":
            ws.cell(row, COL_VALUE).value = "15/01/2034"
            expect[code] = ("NULL", "2034-01-15", "0", "NULL")
        else:
            ws.cell(row, COL_VALUE).value = 7
            expect[code] = ("7.000000", "NULL", "0", "NULL")
    # a decimal as a number cell, and one with three decimals (no thousands
    # separator in a number cell, so not ambiguous), a note, a text "12,5"
    ws.cell(rows["HT-BANGTHONG"], COL_VALUE).value = 12.5
    ws.cell(rows["HT-BANGTHONG"], COL_NOTE).value = "đo tháng 11"
    expect["HT-BANGTHONG"] = ("12.500000", "NULL", "0", "đo tháng 11")
    ws.cell(rows["TC-NS-GIAO"], COL_VALUE).value = 1.234
    expect["TC-NS-GIAO"] = ("1.234000", "NULL", "0", "NULL")
    ws.cell(rows["NT-HOP-CHUTRI"], COL_VALUE).value = "66,5"
    expect["NT-HOP-CHUTRI"] = ("66.500000", "NULL", "0", "NULL")
    # what spreadsheets store natively: a boolean, an exponent
    yesno = [code for code, kind in form_rows(page) if kind == "yesno"]
    ws.cell(rows[yesno[-1]], COL_VALUE).value = False
    expect[yesno[-1]] = ("0.000000", "NULL", "0", "NULL")
    ws.cell(rows["TC-NS-CHI"], COL_VALUE).value = 2.5e-05
    expect["TC-NS-CHI"] = ("0.000025", "NULL", "0", "NULL")
    # not applicable, with its reason
    ws.cell(rows["NT-BCD-HOP"], COL_VALUE).value = None
    ws.cell(rows["NT-BCD-HOP"], COL_NA).value = "Có"
    ws.cell(rows["NT-BCD-HOP"], COL_NOTE).value = "Ban Chỉ đạo mới thành lập"
    expect["NT-BCD-HOP"] = ("NULL", "NULL", "1", "Ban Chỉ đạo mới thành lập")
    ws.cell(marked_row(ws, "problems"), 2).value = "Thiếu cán bộ chuyên trách."
    ws.cell(marked_row(ws, "proposals"), 2).value = "Bổ sung kinh phí."
    return expect


@test
def round_trip_keeps_every_figure():
    pid = ensure_period("Q", 2034, 2)
    c = officer()
    page = c.get(form_url(pid))
    wb = book(template(c, pid))
    expect = fill(wb.worksheets[0], page)
    # a long Vietnamese file name: cut for the audit on a character boundary
    r = import_file(c, pid, saved(wb), filename="Báo" + "Báo cáo số liệu quý " * 12 + ".xlsx")
    check(r.status == 303, "import: %d %s" % (r.status, reason(r) or r.text[:300]))
    check(r.header("Location") == "/report/form?period=%d&done=saved&imp=1" % pid,
          "redirect to %r" % r.header("Location"))
    sub = submission(pid)
    check(sub is not None and sub[1] == "draft", "submission %r" % (sub,))
    got = figures(pid)
    for code, want in expect.items():
        check(got.get(code) == want, "%s stored as %r, expected %r" % (code, got.get(code), want))
    check(sql("SELECT problems, proposals FROM submission WHERE id = %s" % sub[0])[0] ==
          ["Thiếu cán bộ chuyên trách.", "Bổ sung kinh phí."], "problems/proposals not stored")
    # the form shows the same figures, as the officer would have typed them
    form = c.get(r.header("Location"))
    check('id="imp-flash"' in form.text, "no 'imported' message")
    check(form.field("v_HT-BANGTHONG") == "12,5", "HT-BANGTHONG shown %r" % form.field("v_HT-BANGTHONG"))
    check(form.field("v_TC-NS-GIAO") == "1,234", "TC-NS-GIAO shown %r" % form.field("v_TC-NS-GIAO"))
    check(form.field("v_NT-HOP-CHUTRI") == "66,5", "NT-HOP-CHUTRI shown %r" % form.field("v_NT-HOP-CHUTRI"))
    check(re.search(r'name="na_NT-BCD-HOP" value="1" checked', form.text), "n/a not ticked")
    # audited as a web save, plus the file
    actions = [a[0] for a in sql("SELECT action FROM audit WHERE entity = 'submission' AND entity_id = '%s'"
                                 % sub[0])]
    check("save_draft" in actions and "import_file" in actions, "audit rows %r" % actions)
    origin = sql("SELECT new_value FROM audit WHERE action = 'import_file' AND entity_id = '%s'" % sub[0])[0][0]
    check(origin.startswith("file=BáoBáo cáo số liệu quý") and "bytes=" in origin, "import audit %r" % origin)
    n = sql("SELECT COUNT(*) FROM audit WHERE action = 'set_value' AND entity_id LIKE '%s:%%'" % sub[0])[0][0]
    check(int(n) == len(expect), "set_value rows %s for %d figures" % (n, len(expect)))
    # and a template made now carries them back out, ready for the next round
    ws = book(template(c, pid)).worksheets[0]
    rows = ind_rows(ws)
    check(ws.cell(rows["HT-BANGTHONG"], COL_VALUE).value == 12.5, "12.5 not prefilled")
    check(ws.cell(rows["NT-BCD-HOP"], COL_NA).value == "Có", "n/a not prefilled")
    r = import_file(c, pid, saved(book(template(c, pid))))
    check(r.status == 303, "re-import of an unchanged template: %d %s" % (r.status, reason(r)))
    check(figures(pid) == got, "an unchanged template changed figures")


@test
def rows_left_out_of_the_file_keep_their_figures():
    pid = ensure_period("Q", 2034, 3)
    c = officer()
    check(web_save(c, pid, {"v_TC-NS-GIAO": "1,2340", "n_TC-NS-GIAO": "dự toán",
                            "v_HT-BANGTHONG": "5"}).status == 303, "web save")
    wb = book(template(c, pid))
    ws = wb.worksheets[0]
    rows = ind_rows(ws)
    ws.delete_rows(rows["TC-NS-GIAO"])   # the row is gone from the file
    ws.cell(ind_rows(ws)["HT-BANGTHONG"], COL_VALUE).value = 8
    r = import_file(c, pid, saved(wb))
    check(r.status == 303, "import without a row: %d %s" % (r.status, reason(r)))
    got = figures(pid)
    check(got["TC-NS-GIAO"] == ("1.234000", "NULL", "0", "dự toán"), "left-out row changed: %r" % (got["TC-NS-GIAO"],))
    check(got["HT-BANGTHONG"][0] == "8.000000", "HT-BANGTHONG %r" % (got["HT-BANGTHONG"],))


@test
def out_of_range_gives_the_web_forms_message_and_stores_nothing():
    pid = ensure_period("Q", 2034, 3)
    c = officer()
    check(web_save(c, pid, {"v_HT-BANGTHONG": "5"}).status == 303, "first save")
    before, sub = figures(pid), submission(pid)
    web = web_save(c, pid, {"v_NT-BCD-HOP": "999", "v_HT-BANGTHONG": "5"})
    check(web.status == 422, "web out of range: %d" % web.status)
    wb = book(template(c, pid))
    ws = wb.worksheets[0]
    ws.cell(ind_rows(ws)["NT-BCD-HOP"], COL_VALUE).value = 999
    ws.cell(ind_rows(ws)["HT-BANGTHONG"], COL_VALUE).value = 6
    r = import_file(c, pid, saved(wb))
    check(r.status == 422, "import out of range: %d" % r.status)
    check(field_error(r, "NT-BCD-HOP") is not None, "no field error on the row")
    check(field_error(r, "NT-BCD-HOP") == field_error(web, "NT-BCD-HOP"),
          "messages differ: %r vs %r" % (field_error(r, "NT-BCD-HOP"), field_error(web, "NT-BCD-HOP")))
    check('id="error-summary"' in r.text and 'id="imp-unsaved"' in r.text, "no summary / unsaved notice")
    check(r.field("v_NT-BCD-HOP") == "999", "the file's value is not shown for correction")
    nothing_stored(pid, before)
    check(submission(pid) == sub, "submission changed")
    # a typed text the web refuses the same way: "1.234,5" is ambiguous
    ws.cell(ind_rows(ws)["NT-BCD-HOP"], COL_VALUE).value = "1.234,5"
    r = import_file(c, pid, saved(wb))
    web = web_save(c, pid, {"v_NT-BCD-HOP": "1.234,5", "v_HT-BANGTHONG": "5"})
    check(r.status == 422 and field_error(r, "NT-BCD-HOP") == field_error(web, "NT-BCD-HOP"),
          "ambiguous: %d %r vs %r" % (r.status, field_error(r, "NT-BCD-HOP"), field_error(web, "NT-BCD-HOP")))
    nothing_stored(pid, before)


@test
def stale_version_is_a_conflict_and_overwrites_nothing():
    pid = ensure_period("Q", 2034, 4)
    c = officer()
    check(web_save(c, pid, {"v_NT-BCD-HOP": "3"}).status == 303, "first save")
    old_version = c.get(form_url(pid)).field("version")
    wb = book(template(c, pid))
    ws = wb.worksheets[0]
    ws.cell(ind_rows(ws)["NT-BCD-HOP"], COL_VALUE).value = 9
    # someone saves meanwhile
    other = officer("i.hongbang2")
    check(web_save(other, pid, {"v_NT-BCD-HOP": "4"}).status == 303, "other save")
    before = figures(pid)
    r = import_file(c, pid, saved(wb), version=old_version)
    check(r.status == 409, "stale import: %d" % r.status)
    check('id="conflict"' in r.text, "no conflict message")
    check(figures(pid)["NT-BCD-HOP"][0] == "4.000000", "overwritten: %r" % (figures(pid)["NT-BCD-HOP"],))
    nothing_stored(pid, before)


@test
def another_units_or_periods_template_is_refused():
    pid = ensure_period("Q", 2034, 1)
    other_pid = ensure_period("Q", 2034, 2)
    c = officer()
    noivu = officer("i.noivu", OTHER)
    before = figures(pid)
    theirs = saved(book(template(noivu, pid)))
    r = import_file(c, pid, theirs)
    check(r.status == 422 and "đơn vị khác" in (reason(r) or ""), "other unit: %d %r" % (r.status, reason(r)))
    ours_other_period = saved(book(template(c, other_pid)))
    r = import_file(c, pid, ours_other_period)
    check(r.status == 422 and "kỳ báo cáo khác" in (reason(r) or ""), "other period: %d %r" % (r.status, reason(r)))
    nothing_stored(pid, before)
    check(submission(pid) is None, "a refused file created a submission")
    # a key removed: not a template of the system
    wb = book(template(c, pid))
    wb.worksheets[0].cell(1, COL_KIND).value = None
    r = import_file(c, pid, saved(wb))
    check(r.status == 422 and "không phải là biểu mẫu" in (reason(r) or ""), "no key: %d %r" % (r.status, reason(r)))


@test
def unknown_codes_and_formulas_without_values_are_named():
    pid = ensure_period("Q", 2034, 1)
    c = officer()
    wb = book(template(c, pid))
    ws = wb.worksheets[0]
    rows = ind_rows(ws)
    ws.cell(rows["NT-BCD-HOP"], COL_CODE).value = "XX-KHONG-CO"
    r = import_file(c, pid, saved(wb))
    check(r.status == 422 and "<code>XX-KHONG-CO</code>" in r.text, "unknown code: %d %r" % (r.status, reason(r)))
    wb = book(template(c, pid))
    ws = wb.worksheets[0]
    cell = ws.cell(ind_rows(ws)["HT-BANGTHONG"], COL_VALUE)
    cell.value = "=1+1"   # openpyxl keeps no cached result
    r = import_file(c, pid, saved(wb))
    check(r.status == 422 and "công thức" in (reason(r) or "") and cell.coordinate in r.text,
          "formula: %d %r" % (r.status, reason(r)))
    check(submission(pid) is None, "a refused file created a submission")


def zip_of(entries, compression=zipfile.ZIP_DEFLATED):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return out.getvalue()


WORKBOOK = (b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            b'<sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
RELS = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        b'Target="worksheets/sheet1.xml"/></Relationships>')


@test
def non_xlsx_files_are_refused_with_a_clear_message():
    pid = ensure_period("Q", 2034, 1)
    c = officer()
    cases = [
        (b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n", "không phải là bảng tính Excel"),
        (zip_of({"readme.txt": b"hello"}), "không phải là bảng tính Excel"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "định dạng Excel cũ"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 64,
         "đặt mật khẩu"),
        (zip_of({"xl/workbook.xml": WORKBOOK, "xl/_rels/workbook.xml.rels": RELS,
                 "xl/worksheets/sheet1.xml": b"<worksheet><sheetData><row"}), "bị hỏng"),
        # a DOCTYPE (entity expansion) is refused outright
        (zip_of({"xl/workbook.xml": b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaa">]><workbook/>',
                 "xl/_rels/workbook.xml.rels": RELS}), "bị hỏng"),
    ]
    for data, text in cases:
        r = import_file(c, pid, data)
        check(r.status == 422 and text in (reason(r) or ""), "%r...: %d %r" % (data[:12], r.status, reason(r)))
    r = import_file(c, pid, b"")
    check(r.status == 422 and "Chưa chọn tệp" in (reason(r) or ""), "empty file: %d %r" % (r.status, reason(r)))
    check(submission(pid) is None, "a refused file created a submission")


@test
def zip_bomb_and_too_many_rows_are_refused():
    pid = ensure_period("Q", 2034, 1)
    c = officer()
    # 64 MiB of blanks inflate from ~64 KiB: refused while inflating
    sheet = b"<worksheet><sheetData>" + b" " * (64 << 20) + b"</sheetData></worksheet>"
    bomb = zip_of({"xl/workbook.xml": WORKBOOK, "xl/_rels/workbook.xml.rels": RELS,
                   "xl/worksheets/sheet1.xml": sheet})
    check(len(bomb) < 1 << 20, "the bomb is %d bytes" % len(bomb))
    r = import_file(c, pid, bomb)
    check(r.status == 413 and "giải nén quá lớn" in (reason(r) or ""), "bomb: %d %r" % (r.status, reason(r)))
    far = (b'<worksheet><sheetData><row r="50000"><c r="A50000" t="inlineStr"><is><t>x</t></is></c>'
           b'</row></sheetData></worksheet>')
    r = import_file(c, pid, zip_of({"xl/workbook.xml": WORKBOOK, "xl/_rels/workbook.xml.rels": RELS,
                                    "xl/worksheets/sheet1.xml": far}))
    check(r.status == 422 and "quá nhiều dòng" in (reason(r) or ""), "rows: %d %r" % (r.status, reason(r)))
    check(submission(pid) is None, "a refused file created a submission")


@test
def officer_gets_only_the_own_units_template():
    pid = ensure_period("Q", 2034, 1)
    c = officer()
    r = template(c, pid, unit=OTHER)
    check(r.status == 403, "another unit's template for an officer: %d" % r.status)
    key = book(template(c, pid, unit=UNIT)).worksheets[0].cell(1, COL_KIND).value
    check("code=%s" % UNIT in key, "own unit named: %r" % key)
    check(c.get("/export/").status == 403, "officer reached the export home")
    check(c.get("/export/raw.csv?from=%d&to=%d" % (pid, pid)).status == 403, "officer reached raw data")


@test
def working_group_gets_any_units_template():
    pid = ensure_period("Q", 2034, 1)
    c = wg()
    ws = book(template(c, pid, unit=OTHER)).worksheets[0]
    check("unit=%d;" % unit_id(OTHER) in ws.cell(1, COL_KIND).value, "WG template key %r" % ws.cell(1, COL_KIND).value)
    check("KTS-GRDP" in ind_rows(ws), "department rows missing from a department's template")
    check(template(c, pid).status == 400, "WG without a unit: not a 400")
    check(template(c, pid, unit="KHONG-CO").status == 404, "unknown unit: not a 404")


@test
def csrf_missing_is_refused():
    pid = ensure_period("Q", 2034, 1)
    c = officer()
    data = saved(book(template(c, pid)))
    r = import_file(c, pid, data, csrf=False)
    check(r.status == 403, "no csrf: %d" % r.status)
    check(submission(pid) is None, "stored without a token")


@test
def locked_period_is_refused():
    pid = ensure_period("Q", 2034, 1)
    c = officer()
    wb = book(template(c, pid))
    ws = wb.worksheets[0]
    ws.cell(ind_rows(ws)["NT-BCD-HOP"], COL_VALUE).value = 2
    sql("UPDATE period SET locked = 1 WHERE id = %d" % pid)
    try:
        r = import_file(c, pid, saved(wb), version=0)
        check(r.status == 403, "locked: %d" % r.status)
        check("đã khóa" in r.text, "no 'locked' message")
        check(submission(pid) is None, "stored into a locked period")
    finally:
        sql("UPDATE period SET locked = 0 WHERE id = %d" % pid)


@test
def submitted_form_is_not_overwritten_by_a_file():
    pid = ensure_period("Q", 2034, 1)
    c = officer()
    check(web_save(c, pid, {"v_NT-BCD-HOP": "3"}).status == 303, "save")
    sql("UPDATE submission SET status = 'submitted' WHERE unit_id = %d AND period_id = %d" % (unit_id(), pid))
    before = figures(pid)
    wb = book(template(c, pid))
    ws = wb.worksheets[0]
    ws.cell(ind_rows(ws)["NT-BCD-HOP"], COL_VALUE).value = 5
    r = import_file(c, pid, saved(wb), version=submission(pid)[2])
    check(r.status == 409, "import into a submitted form: %d" % r.status)
    nothing_stored(pid, before)


run()
