"""Bad input at the edge: invalid UTF-8 and NUL, oversize bodies, values out
of range or not numbers, over-long texts, SQL injection and script payloads
(stored verbatim, shown escaped), malformed requests, unknown pages and wrong
methods.

Own user b.hongbang (unit P-HONGBANG); own periods in 2033."""

import http.client
import re

from egov import (BASE_PORT, Client, check, complete_values, ensure_period, ensure_user, run, sql, test)

PW = "password123"
UNIT = "P-HONGBANG"
BAD_REQUEST = "Dữ liệu gửi lên không hợp lệ"
TOO_BIG = "Dữ liệu gửi lên quá lớn."
NOT_FOUND = "Không tìm thấy trang hoặc kỳ báo cáo."
METHOD = "Phương thức yêu cầu không được hỗ trợ cho trang này."
LEAKS = ("ClearSilver", "Traceback", "hdf", "mysql", "MariaDB", "egov_report", "nginx/1.", "SELECT ")


def setup(seq=1):
    pid = ensure_period("Q", 2033, seq)
    ensure_user("b.hongbang", UNIT, password=PW)
    c = Client().login_ok("b.hongbang", PW)
    return pid, c, c.get(url(pid))


def url(pid):
    return "/report/form?period=%d" % pid


def nothing_stored(pid):
    n = sql("SELECT COUNT(*) FROM submission WHERE period_id = %d" % pid)[0][0]
    check(n == "0", "a rejected request stored a submission")


def submission_text(pid, col):
    rows = sql("SELECT %s FROM submission s JOIN unit u ON u.id = s.unit_id WHERE u.code = '%s' "
               "AND s.period_id = %d" % (col, UNIT, pid))
    return rows[0][0] if rows else None


def figure_col(pid, code, col):
    rows = sql("SELECT %s FROM figure f JOIN submission s ON s.id = f.submission_id JOIN unit u ON "
               "u.id = s.unit_id JOIN indicator i ON i.id = f.indicator_id WHERE u.code = '%s' AND "
               "s.period_id = %d AND i.code = '%s'" % (col, UNIT, pid, code))
    return rows[0][0] if rows else None


def field_error(page, code):
    m = re.search(r'<span class="field-error" id="e_%s">(.*?)</span>' % re.escape(code), page.text, re.S)
    return m.group(1) if m else None


def no_leak(r, what):
    for word in LEAKS:
        check(word not in r.text, "%s: the page shows %r" % (what, word))


def raw(method, path, body=None, headers=None, cookies=None):
    """One request without the Client's conveniences; reports a body shorter
    than its Content-Length instead of raising."""
    conn = http.client.HTTPConnection("127.0.0.1", BASE_PORT, timeout=30)
    h = dict(headers or {})
    if cookies:
        h["Cookie"] = "; ".join("%s=%s" % kv for kv in cookies.items())
    conn.request(method, path, body=body, headers=h)
    r = conn.getresponse()
    try:
        data, complete = r.read(), True
    except http.client.IncompleteRead as e:
        data, complete = e.partial, False
    status, hdrs = r.status, dict((k.lower(), v) for k, v in r.getheaders())
    conn.close()
    return status, hdrs, data, complete


# ---- encoding ----

@test
def invalid_utf8_and_nul_are_refused_with_400():
    pid, c, page = setup()
    tok = page.csrf()
    bodies = {
        "invalid UTF-8 in a note": "n_NT-BCD-HOP=%C3%28",
        "invalid UTF-8 in problems": "problems=abc%FF",
        "overlong UTF-8": "problems=%C0%AF",
        "UTF-16 surrogate": "problems=%ED%A0%80",
        "truncated UTF-8": "n_NT-BCD-HOP=%E1%BB",
        "NUL in a note": "n_NT-BCD-HOP=ab%00cd",
        "NUL in a value": "v_NT-BCD-HOP=1%00",
        "NUL in a field name": "v_NT-BCD-HOP%00=1",
        "invalid UTF-8 in a field name": "v_%C3%28=1",
        "bad escape": "problems=%zz",
        "cut escape": "problems=abc%2",
    }
    for what, extra in bodies.items():
        body = "csrf=%s&version=0&action=save&v_DVC-TOTAL=5&%s" % (tok, extra)
        r = c.post(url(pid), body)
        check(r.status == 400, "%s: %d" % (what, r.status))
        check(BAD_REQUEST in r.text, "%s: no bad-request message" % what)
        no_leak(r, what)
    for what, q in (("invalid UTF-8 in the query", "&x=%C3%28"), ("NUL in the query", "&x=%00")):
        r = c.get(url(pid) + q)
        check(r.status == 400, "%s: %d" % (what, r.status))
    nothing_stored(pid)
    # the login form too
    anon = Client()
    lp = anon.get("/login")
    r = anon.post("/login", "csrf=%s&login=b.hongbang%%00&password=%s" % (lp.csrf(), PW))
    check(r.status == 400, "NUL in the login: %d" % r.status)
    r = anon.post("/login", "csrf=%s&login=%%C3%%28&password=x" % lp.csrf())
    check(r.status == 400, "invalid UTF-8 in the login: %d" % r.status)
    check("egov_sid" not in anon.cookies, "logged in with a bad login name")


@test
def vietnamese_and_four_byte_characters_are_kept():
    pid, c, page = setup()
    text = "Khó khăn: thiếu người, ưu tiên đường truyền 😀 – “trích dẫn”"
    r = c.post(url(pid), {"csrf": page.csrf(), "version": "0", "action": "save", "problems": text,
                          "n_NT-BCD-HOP": text, "v_TC-KEHOACH-SO": "Số 12/KH-UBND ngày 05/01 😀"})
    check(r.status == 303, "save with Vietnamese and emoji: %d" % r.status)
    check(submission_text(pid, "problems") == text, "problems stored as %r" % submission_text(pid, "problems"))
    check(figure_col(pid, "NT-BCD-HOP", "f.note") == text, "note stored as %r" % figure_col(pid, "NT-BCD-HOP", "f.note"))
    page = c.get(url(pid))
    check(text in page.text, "the text is not shown back unchanged")


# ---- sizes ----

@test
def oversize_bodies_get_413():
    pid, c, page = setup()
    head = "csrf=%s&version=0&action=save&v_DVC-TOTAL=5&problems=" % page.csrf()
    # over the program's 512 KiB, under nginx's 1 MiB: the program answers
    r = c.post(url(pid), head + "a" * (600 * 1024))
    check(r.status == 413, "600 KiB form: %d" % r.status)
    check(TOO_BIG in r.text, "no too-big message from the program")
    # over nginx's limit
    status, _, _, _ = raw("POST", url(pid), body=(head + "a" * (1536 * 1024)).encode(),
                          headers={"Content-Type": "application/x-www-form-urlencoded"}, cookies=c.cookies)
    check(status == 413, "1.5 MiB form: %d" % status)
    # the login program's limit is 16 KiB
    anon = Client()
    lp = anon.get("/login")
    r = anon.post("/login", "csrf=%s&login=b.hongbang&password=%s&pad=%s" % (lp.csrf(), PW, "x" * 20000))
    check(r.status == 413, "20 KiB login: %d" % r.status)
    check("egov_sid" not in anon.cookies, "an oversize login logged in")
    # a declared length the body does not have is refused, not waited for forever
    status, _, _, _ = raw("POST", url(pid), body=b"csrf=x", cookies=c.cookies,
                          headers={"Content-Type": "application/x-www-form-urlencoded",
                                   "Content-Length": "-5"})
    check(status == 400, "negative Content-Length: %d" % status)
    nothing_stored(pid)
    # just under the limit is fine (a long but valid problems text is refused
    # by its own field limit, 5000 characters, with 400)
    r = c.post(url(pid), head + "a" * 5001)
    check(r.status == 400 and "problems" in r.text, "5001-character problems: %d" % r.status)
    nothing_stored(pid)
    r = c.post(url(pid), head + "a" * 5000)
    check(r.status == 303, "5000-character problems: %d" % r.status)
    check(len(submission_text(pid, "problems")) == 5000, "problems not stored in full")


@test
def overlong_notes_and_texts_are_field_errors():
    pid, c, page = setup()
    base = {"csrf": page.csrf(), "version": "0", "action": "save"}
    r = c.post(url(pid), dict(base, **{"n_NT-BCD-HOP": "ệ" * 2001, "v_TC-KEHOACH-SO": "x" * 2001,
                                       "v_DVC-TOTAL": "5"}))
    check(r.status == 422, "over-long note and text: %d" % r.status)
    check("Ghi chú quá dài (tối đa 2000 ký tự)." in (field_error(r, "NT-BCD-HOP") or ""), "no note-too-long error")
    check("Nội dung quá dài (tối đa 2000 ký tự)." in (field_error(r, "TC-KEHOACH-SO") or ""), "no text-too-long error")
    nothing_stored(pid)
    # 2000 characters of 3-byte UTF-8 fit
    r = c.post(url(pid), dict(base, **{"n_NT-BCD-HOP": "ệ" * 2000, "v_TC-KEHOACH-SO": "ả" * 2000}))
    check(r.status == 303, "2000-character note and text: %d" % r.status)
    check(figure_col(pid, "NT-BCD-HOP", "CHAR_LENGTH(f.note)") == "2000", "note cut")
    check(figure_col(pid, "TC-KEHOACH-SO", "CHAR_LENGTH(f.text_value)") == "2000", "text cut")


# ---- values ----

@test
def values_out_of_range_or_not_numbers():
    pid, c, page = setup()
    cases = {
        "NT-HOP-CHUTRI": ("100,5", "Giá trị nằm ngoài khoảng cho phép"),
        "HT-MAYTINH": ("-1", "Giá trị nằm ngoài khoảng cho phép"),
        "DVC-TOTAL": ("10001", "Giá trị nằm ngoài khoảng cho phép"),
        "TC-NS-GIAO": ("123456789012345", "Số có quá nhiều chữ số"),
        "HT-BANGTHONG": ("1,1234567", "Số có quá nhiều chữ số"),
        "NT-CONGTT-CDS": ("2", "Chọn Có hoặc Không."),
        "HT-CLOUD": ("yes", "Chọn Có hoặc Không."),
        "NT-BCD-HOP": ("1e3", "Không phải là số."),
        "HT-UD-WAN": ("0x10", "Không phải là số."),
        "NL-TAPHUAN": ("12 345", "Không phải là số."),
        "NL-CHUYENTRACH": ("١٢", "Không phải là số."),
        "ATTT-SUCO-PH": ("NaN", "Không phải là số."),
        "ATTT-SUCO-XL": ("-", "Không phải là số."),
        "DOC-TOTAL": ("5,", "Không phải là số."),
        "DOC-SIGNED": (",5", "Không phải là số."),
        "DVC-TT": ("3,5", "Chỉ tiêu này chỉ nhận số nguyên."),
    }
    values = {"v_" + k: v[0] for k, v in cases.items()}
    r = c.post(url(pid), dict({"csrf": page.csrf(), "version": "0", "action": "save"}, **values))
    check(r.status == 422, "bad values: %d" % r.status)
    for code, (typed, msg) in cases.items():
        err = field_error(r, code)
        check(err is not None and msg in err, "%s=%r: error %r" % (code, typed, err))
        if code not in ("NT-CONGTT-CDS", "HT-CLOUD"):  # yes/no is a select
            check(r.field("v_" + code) == typed, "%s: typed %r shown as %r" % (code, typed, r.field("v_" + code)))
    check("(%d)" % len(cases) in r.text, "error count is not %d" % len(cases))
    nothing_stored(pid)
    # the edges of the ranges are accepted
    edges = {"v_NT-HOP-CHUTRI": "100", "v_HT-MAYTINH": "0", "v_DVC-TOTAL": "10000",
             "v_TC-NS-GIAO": "10000000,5", "v_NT-CONGTT-CDS": "0", "v_ATTT-SUCO-PH": "-0"}
    r = c.post(url(pid), dict({"csrf": page.csrf(), "version": "0", "action": "save"}, **edges))
    check(r.status == 422 and field_error(r, "TC-NS-GIAO") is not None, "over the max of TC-NS-GIAO: %d" % r.status)
    edges["v_TC-NS-GIAO"] = "9999999,5"
    r = c.post(url(pid), dict({"csrf": page.csrf(), "version": "0", "action": "save"}, **edges))
    check(r.status == 303, "values on the edges of their ranges: %d" % r.status)
    check(figure_col(pid, "DVC-TOTAL", "f.num_value") == "10000.000000", "10000 not stored")
    check(figure_col(pid, "ATTT-SUCO-PH", "f.num_value") == "0.000000", "-0 not stored as 0")
    check(figure_col(pid, "NT-CONGTT-CDS", "f.num_value") == "0.000000", "'no' not stored as 0")


@test
def malformed_requests_are_400_and_unknown_periods_404():
    pid, c, page = setup()
    tok = page.csrf()
    for q in ("/report/form", "/report/form?period=", "/report/form?period=abc", "/report/form?period=0",
              "/report/form?period=-1", "/report/form?period=1.5", "/report/form?period=%d&done=hacked" % pid,
              "/report/form?period=99999999999999999999"):
        r = c.get(q)
        check(r.status == 400, "GET %s: %d" % (q, r.status))
        check("period" in r.text or "done" in r.text, "%s: the page does not name the field" % q)
        no_leak(r, q)
    for what, body in (("unknown action", "action=delete"), ("version not a number", "version=abc"),
                       ("negative version", "version=-1")):
        r = c.post(url(pid), "csrf=%s&%s&v_DVC-TOTAL=5" % (tok, body))
        check(r.status == 400, "%s: %d" % (what, r.status))
    for ctype in ("application/json", "text/plain"):
        r = c.post(url(pid), '{"csrf": "%s", "version": 0}' % tok, headers={"Content-Type": ctype})
        check(r.status == 400, "Content-Type %s: %d" % (ctype, r.status))
    r = c.post(url(pid), {"csrf": tok, "action": "save", "v_DVC-TOTAL": "5"})
    check(r.status == 409, "no version at all is a conflict, not a save: %d" % r.status)
    nothing_stored(pid)
    r = c.get("/report/form?period=4294967295")
    check(r.status == 404 and NOT_FOUND in r.text, "unknown period: %d" % r.status)


@test
def multipart_forms_are_parsed_and_checked_too():
    pid, c, page = setup()
    b = "----egovtestboundary"

    def mp(fields):
        out = b""
        for k, v in fields:
            out += b"--" + b.encode() + b"\r\nContent-Disposition: form-data; name=\"" + k.encode() + b"\"\r\n\r\n"
            out += v if isinstance(v, bytes) else v.encode()
            out += b"\r\n"
        return out + b"--" + b.encode() + b"--\r\n"

    ct = {"Content-Type": "multipart/form-data; boundary=" + b}
    base = [("csrf", page.csrf()), ("version", "0"), ("action", "save")]
    r = c.request("POST", url(pid), body=mp(base + [("v_NT-BCD-HOP", b"\xc3\x28")]), headers=ct, raw=True)
    check(r.status == 400, "invalid UTF-8 in a multipart field: %d" % r.status)
    r = c.request("POST", url(pid), body=mp(base + [("problems", b"a\x00b")]), headers=ct, raw=True)
    check(r.status == 400, "NUL in a multipart field: %d" % r.status)
    r = c.request("POST", url(pid), body=mp([("csrf", "0" * 64), ("version", "0"), ("action", "save"),
                                             ("v_NT-BCD-HOP", "4")]), headers=ct, raw=True)
    check(r.status == 403, "multipart with a wrong token: %d" % r.status)
    nothing_stored(pid)
    r = c.request("POST", url(pid), body=mp(base + [("v_NT-BCD-HOP", "4"), ("problems", "nhiều\r\ndòng")]),
                  headers=ct, raw=True)
    check(r.status == 303, "a valid multipart save: %d" % r.status)
    check(figure_col(pid, "NT-BCD-HOP", "f.num_value") == "4.000000", "multipart value not stored")


# ---- injection ----

SQLI = ["x'); DROP TABLE audit; --", "' OR '1'='1' -- ", "1; DELETE FROM figure", "\" OR \"\"=\"",
        "Robert'); UPDATE submission SET status='accepted';--"]
XSS = ["<script>alert(1)</script>", "\"><script>alert(2)</script>", "<img src=x onerror=alert(3)>",
       "</textarea><script>alert(4)</script>", "<svg/onload=alert(5)>", "'><b onmouseover=alert(6)>x</b>"]


def check_escaped(page, what):
    low = page.text.lower()
    for bad in ("<script", "<img src=x", "<svg", "</textarea><script", "<b onmouseover", "\"><script"):
        check(bad not in low, "%s: raw %r in the page" % (what, bad))
    check("&lt;script&gt;alert(1)&lt;/script&gt;" in page.text, "%s: the escaped payload is not shown" % what)


@test
def sql_injection_payloads_are_stored_verbatim():
    pid, c, page = setup(2)
    tables = sql("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'egov'")[0][0]
    values = {"problems": SQLI[0], "proposals": SQLI[1], "n_NT-BCD-HOP": SQLI[2], "n_DVC-TOTAL": SQLI[3],
              "v_TC-KEHOACH-SO": SQLI[4], "v_DVC-TOTAL": "5", "v_NT-BCD-HOP": "1"}
    r = c.post(url(pid), dict({"csrf": page.csrf(), "version": "0", "action": "save"}, **values))
    check(r.status == 303, "save with SQL payloads: %d" % r.status)
    check(submission_text(pid, "problems") == SQLI[0], "problems: %r" % submission_text(pid, "problems"))
    check(submission_text(pid, "proposals") == SQLI[1], "proposals: %r" % submission_text(pid, "proposals"))
    check(figure_col(pid, "NT-BCD-HOP", "f.note") == SQLI[2], "note: %r" % figure_col(pid, "NT-BCD-HOP", "f.note"))
    check(figure_col(pid, "DVC-TOTAL", "f.note") == SQLI[3], "note: %r" % figure_col(pid, "DVC-TOTAL", "f.note"))
    check(figure_col(pid, "TC-KEHOACH-SO", "f.text_value") == SQLI[4], "text value stored as %r"
          % figure_col(pid, "TC-KEHOACH-SO", "f.text_value"))
    check(submission_text(pid, "status") == "draft", "the payload changed the status")
    check(sql("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'egov'")[0][0] == tables,
          "a table disappeared")
    # the login and the period id are no way in either
    anon = Client()
    for login in ("' OR '1'='1", "b.hongbang' -- ", "b.hongbang'#"):
        r = anon.login(login, "' OR '1'='1")
        check(r.status == 401 and "egov_sid" not in anon.cookies, "login %r: %d" % (login, r.status))
    r = c.get("/report/form?period=%d%%20OR%%201=1" % pid)
    check(r.status == 400, "period with SQL: %d" % r.status)


@test
def script_payloads_are_shown_escaped_and_stored_verbatim():
    pid, c, page = setup(3)
    values = {"problems": XSS[0], "proposals": XSS[2], "n_NT-BCD-HOP": XSS[1], "n_DVC-TOTAL": XSS[3],
              "v_TC-KEHOACH-SO": XSS[4], "n_HT-CLOUD": XSS[5]}
    # echoed back on a 422, typed values included
    bad = dict(values, **{"v_NT-BCD-HOP": XSS[1], "v_DVC-TT": XSS[0]})
    r = c.post(url(pid), dict({"csrf": page.csrf(), "version": "0", "action": "save"}, **bad))
    check(r.status == 422, "payloads in number fields: %d" % r.status)
    check_escaped(r, "422 page")
    check(r.field("v_NT-BCD-HOP") == XSS[1], "typed payload not kept as text: %r" % r.field("v_NT-BCD-HOP"))
    nothing_stored(pid)
    # stored verbatim, shown escaped in the editable form
    r = c.post(url(pid), dict({"csrf": page.csrf(), "version": "0", "action": "save", "v_DVC-TOTAL": "5"}, **values))
    check(r.status == 303, "save with script payloads: %d" % r.status)
    check(submission_text(pid, "problems") == XSS[0], "problems stored as %r" % submission_text(pid, "problems"))
    check(figure_col(pid, "NT-BCD-HOP", "f.note") == XSS[1], "note stored as %r" % figure_col(pid, "NT-BCD-HOP", "f.note"))
    check(figure_col(pid, "TC-KEHOACH-SO", "f.text_value") == XSS[4], "text stored as %r"
          % figure_col(pid, "TC-KEHOACH-SO", "f.text_value"))
    page = c.get(url(pid))
    check_escaped(page, "editable form")
    check(page.field("csrf") is not None, "form broken by the payload")
    # and in the read-only form after submit
    r = c.post(url(pid), dict(complete_values(page, **{"v_TC-KEHOACH-SO": XSS[4]}),
                              csrf=page.csrf(), version=page.field("version"), action="submit", **{
                                  k: v for k, v in values.items() if k != "v_TC-KEHOACH-SO"}))
    check(r.status == 303, "submit with payloads: %d" % r.status)
    page = c.get(url(pid))
    check('name="v_' not in page.text, "not the read-only form")
    check_escaped(page, "read-only form")
    # the login page echoes the login name escaped
    anon = Client()
    r = anon.login(XSS[1], "whatever-password")
    check(r.status == 401, "login with a payload: %d" % r.status)
    check("<script" not in r.text.lower() and r.field("login") == XSS[1], "login echo not escaped")


# ---- pages and methods ----

@test
def unknown_pages_are_404():
    pid, c, page = setup()
    for path in ("/report/nope", "/report/form/", "/report/form/x", "/report/.env", "/report/index.php"):
        r = c.get(path)
        check(r.status == 404, "%s: %d" % (path, r.status))
        check(NOT_FOUND in r.text, "%s: no not-found message" % path)
        check("Mã lỗi" in r.text, "%s: no error id" % path)
        no_leak(r, path)
    for path in ("/nope", "/login/x", "/reports/", "/admin/", "/cgi-bin/egov-report", "/.git/config",
                 "/var/itest/egov.conf", "/static/../egov.conf"):
        r = Client().get(path)
        check(r.status == 404, "%s: %d" % (path, r.status))
        no_leak(r, path)
    r = Client().get("/report/nope")
    check(r.status == 404, "anonymous unknown report page: %d" % r.status)


@test
def wrong_methods_are_405_with_allow():
    pid, c, page = setup()
    for method, path, allow in (("POST", "/report/", "GET"), ("GET", "/logout", "POST")):
        r = c.request(method, path, body={"csrf": page.csrf()} if method == "POST" else None)
        check(r.status == 405, "%s %s: %d" % (method, path, r.status))
        check(METHOD in r.text, "%s %s: no method message" % (method, path))
        check(r.header("Allow") == allow, "%s %s: Allow %r" % (method, path, r.header("Allow")))
    check(c.get("/report/").status == 200, "GET /logout logged out")
    nothing_stored(pid)


@test
def other_methods_get_a_complete_405():
    pid, c, page = setup()
    for method, path in (("PUT", url(pid)), ("DELETE", "/login"), ("OPTIONS", "/report/"),
                         ("PATCH", url(pid))):
        body = b"csrf=%s&version=0&action=save&v_NT-BCD-HOP=3" % page.csrf().encode() \
            if method in ("PUT", "PATCH") else None
        status, hdrs, data, complete = raw(method, path, body=body, cookies=c.cookies,
                                           headers={"Content-Type": "application/x-www-form-urlencoded"})
        check(status == 405, "%s %s: %d" % (method, path, status))
        check("allow" in hdrs, "%s %s: no Allow header" % (method, path))
        check(complete and len(data) == int(hdrs.get("content-length", len(data))),
              "%s %s: Content-Length %s but %d bytes of body arrived (response cut short)"
              % (method, path, hdrs.get("content-length"), len(data)))
    nothing_stored(pid)
    # HEAD is a GET without a body
    status, hdrs, data, complete = raw("HEAD", "/report/", cookies=c.cookies)
    check(status == 200 and data == b"", "HEAD /report/: %d, %d bytes" % (status, len(data)))


run()
