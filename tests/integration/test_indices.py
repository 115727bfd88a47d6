"""The national indices as data (/review/indices, /review/index-version,
/review/index-criterion, /review/index-mapping): the reference set loaded at
first start (DTI 2022 with its 9 main indices and 1,000 points, the
unverified DTI 2024, PAR Index, ICT Index, and at least one criterion with no
indicator behind it), and the working group's pages: add a version, add and
edit criteria, retire and verify them, map indicators with a conversion,
edit and remove mappings.  Bad input is refused with a message (422) and
stores nothing; a stale form is refused with 409; officers and members get
403; a POST without the CSRF token gets 403; every change writes an audit
row; criterion names are escaped.

Own users ix.*; own versions TESTIX<run> (versions and criteria are never
deleted, so every run makes new ones, in years no real index uses)."""

import re
import urllib.parse
import uuid

from egov import Client, check, ensure_user, run, secrets, sql, sql_as, test

PW = "password123"
RUN = uuid.uuid4().hex[:6].upper()
CSRF_MSG = "Phiên làm việc của biểu mẫu đã hết hạn hoặc không hợp lệ"
FORBIDDEN_MSG = "Bạn không có quyền truy cập trang này."
MSG_CODE_EXISTS = "Mã này đã được dùng"
MSG_YEARS = "Năm cuối áp dụng phải từ năm đầu áp dụng trở đi"
MSG_NEGATIVE = "Không nhận số âm"
MSG_AMBIGUOUS = "Không rõ dấu phân cách"
MSG_NUMBER = "Không phải là số"
MSG_FACTOR_ZERO = "Hệ số phải khác 0"
MSG_MAP_EXISTS = "Chỉ tiêu này đã làm căn cứ cho tiêu chí"
MSG_LOOP = "tiêu chí cha này lại nằm dưới tiêu chí đang sửa"
MSG_CONFLICT = "dữ liệu vừa được người khác sửa"
MSG_CHILDREN_OVER = "tổng điểm tối đa của các tiêu chí con vượt điểm tối đa của tiêu chí này"

_clients = {}


def login(user, unit="-", roles="wg"):
    key = (user, unit, roles)
    if key not in _clients:
        ensure_user(user, unit, roles=roles, password=PW)
        _clients[key] = Client().login_ok(user, PW)
    return _clients[key]


def wg():
    return login("ix.wg")


def one(query):
    rows = sql(query)
    check(len(rows) == 1, "expected one row: %s -> %r" % (query, rows))
    return rows[0]


def count(query):
    return int(one(query)[0])


def esc(s):
    return s.replace("\\", "\\\\").replace("'", "\\'")


def encode(d):
    """Form body; a list value becomes repeated fields (checkboxes)."""
    pairs = []
    for k, v in d.items():
        for item in (v if isinstance(v, list) else [v]):
            pairs.append((k, str(item)))
    return urllib.parse.urlencode(pairs)


def audits(entity, entity_id, action):
    return count("SELECT COUNT(*) FROM audit WHERE entity = '%s' AND entity_id = '%s' AND action = '%s'"
                 % (entity, esc(str(entity_id)), action))


def version_id(code):
    rows = sql("SELECT id FROM index_version WHERE code = '%s'" % esc(code))
    return int(rows[0][0]) if rows else None


def crit_id(vid, code):
    rows = sql("SELECT id FROM index_criterion WHERE version_id = %d AND code = '%s'" % (vid, esc(code)))
    return int(rows[0][0]) if rows else None


def add_version(c, **over):
    d = {"csrf": c.token("/review/indices"), "index_code": "DTI", "code": "TESTIX" + RUN + "V",
         "name": "Phiên bản kiểm thử", "decision": "1/QĐ-TEST", "year_from": "2090", "year_to": "",
         "max_points": "100", "source": "kiểm thử tích hợp"}
    d.update(over)
    return c.post("/review/indices", encode(d))


_own = {}


def own_version():
    """This run's version, created once through the page."""
    if "v" not in _own:
        c = wg()
        r = add_version(c)
        check(r.status == 303, "add version: %s %s" % (r.status, r.text[:300]))
        _own["v"] = version_id("TESTIX" + RUN + "V")
    return _own["v"]


def crit_form(c, vid, **over):
    d = {"csrf": c.token("/review/indices"), "version": vid, "parent": "0", "code": "X",
         "name": "Tiêu chí kiểm thử", "name_en": "", "max_points": "10", "scoring": "ratio",
         "scoring_text": "a ÷ b × điểm tối đa", "evidence_text": "", "data_source": "",
         "verifier": "", "unit_kinds": ["department", "district"], "source": "", "sort": ""}
    d.update(over)
    return d


def add_crit(c, vid, **over):
    return c.post("/review/index-criterion", encode(crit_form(c, vid, **over)))


def edit_form(c, cid):
    """The criterion's form as the page shows it, ready to post back."""
    page = c.get("/review/index-criterion?id=%d" % cid)
    check(page.status == 200, "criterion page: %s" % page.status)
    row = sql("SELECT COALESCE(parent_id, 0), code, name, COALESCE(name_en, ''), COALESCE(max_points, ''), "
              "scoring, COALESCE(scoring_text, ''), COALESCE(evidence_text, ''), COALESCE(data_source, ''), "
              "COALESCE(verifier, ''), unit_kinds, verified, COALESCE(source, ''), sort "
              "FROM index_criterion WHERE id = %d" % cid)[0]
    d = {"csrf": page.csrf(), "id": cid, "fp": page.field("fp"), "parent": row[0], "code": row[1],
         "name": row[2], "name_en": row[3], "max_points": row[4].replace(".", ","), "scoring": row[5],
         "scoring_text": row[6], "evidence_text": row[7], "data_source": row[8], "verifier": row[9],
         "unit_kinds": row[10].split(","), "source": row[12], "sort": row[13]}
    if row[11] == "1":
        d["verified"] = "1"
    return d


def indicator(code_):
    return int(one("SELECT id FROM indicator WHERE code = '%s'" % code_)[0])


def map_fp(page, ind):
    m = re.search(r'id="mform_%d".*?name="fp" value="([0-9a-f]+)"' % ind, page.text, re.S)
    return m.group(1) if m else None


# ---------------------------------------------------------------------------
# the reference set
# ---------------------------------------------------------------------------

@test
def reference_dti2022_has_nine_main_indices_of_1000_points():
    v = one("SELECT id, verified, max_points, year_from FROM index_version WHERE code = 'DTI2022'")
    check(v[1] == "1" and float(v[2]) == 1000 and v[3] == "2022", "DTI2022 version: %r" % v)
    n, total = one("SELECT COUNT(*), SUM(max_points) FROM index_criterion WHERE version_id = %s "
                   "AND parent_id IS NULL AND active = 1" % v[0])
    check(n == "9", "DTI2022 main indices: %s" % n)
    check(float(total) == 1000, "DTI2022 main indices total %s points" % total)
    check(one("SELECT max_points FROM index_criterion WHERE version_id = %s AND code = '7'" % v[0])[0]
          == "200.00", "main index 7 should carry 200 points")
    check(count("SELECT COUNT(*) FROM index_criterion WHERE version_id = %s AND parent_id IS NULL "
                "AND verified = 0" % v[0]) == 0, "a confirmed DTI 2022 main index is marked unverified")
    par = one("SELECT COUNT(*), SUM(c.max_points) FROM index_criterion c JOIN index_version v "
              "ON v.id = c.version_id WHERE v.code = 'PAR2948' AND c.parent_id IS NULL")
    check(par[0] == "8" and float(par[1]) == 100, "PAR2948 areas: %r" % par)
    name7 = one("SELECT c.name FROM index_criterion c JOIN index_version v ON v.id = c.version_id "
                "WHERE v.code = 'PAR876' AND c.code = '7'")[0]
    check("Chính phủ số" in name7, "PAR876 area 7 not renamed: %s" % name7)
    check(count("SELECT COUNT(*) FROM index_version WHERE index_code = 'ICT'") >= 1, "no ICT Index version")


@test
def reference_dti2024_is_marked_unverified_on_the_page():
    v = one("SELECT id, verified, source FROM index_version WHERE code = 'DTI2024'")
    check(v[1] == "0", "DTI2024 should be unverified")
    check("CHƯA XÁC MINH" in v[2], "DTI2024 source does not say what is unverified")
    check(count("SELECT COUNT(*) FROM index_criterion WHERE version_id = %s AND parent_id IS NULL" % v[0]) == 8,
          "DTI2024 should have 8 main indices")
    check(count("SELECT COUNT(*) FROM index_criterion WHERE version_id = %s AND verified = 1" % v[0]) == 0,
          "a DTI2024 criterion claims to be verified")
    page = wg().get("/review/indices")
    check(page.status == 200, "list: %s" % page.status)
    m = re.search(r'<tr id="ver-DTI2024"[^>]*>(.*?)</tr>', page.text, re.S)
    check(m is not None, "no DTI2024 row")
    check('class="unverified-row"' in m.group(0) and "Chưa xác minh" in m.group(1),
          "DTI2024 row not marked unverified")
    m = re.search(r'<tr id="ver-DTI2022"[^>]*>(.*?)</tr>', page.text, re.S)
    check(m is not None and "Chưa xác minh" not in m.group(1), "DTI2022 row marked unverified")


@test
def reference_has_a_gap_shown_on_the_page():
    vid = version_id("DTI2022")
    smart = crit_id(vid, "6")
    check(count("SELECT COUNT(*) FROM criterion_indicator WHERE criterion_id = %d" % smart) == 0,
          "DTI2022 main index 6 should have no indicator")
    page = wg().get("/review/index-version?id=%d" % vid)
    check(page.status == 200, "version page: %s" % page.status)
    check('id="gap-%d"' % smart in page.text, "main index 6 not marked as a gap")
    ngaps = int(re.search(r'id="ngaps">(\d+)<', page.text).group(1))
    check(ngaps >= 1, "gap count %d" % ngaps)
    # a main index fed only through a component is not a gap
    check('id="gap-%d"' % crit_id(vid, "1") not in page.text, "main index 1 marked as a gap")
    par = version_id("PAR2948")
    survey = crit_id(par, "8.a")
    check(survey and 'id="gap-%d"' % survey in wg().get("/review/index-version?id=%d" % par).text,
          "PAR survey part not shown as a gap")


@test
def reference_mappings_follow_the_indicators_codes():
    # every DTI 2022 mapping sits under the main index the indicator's dti_code names
    bad = sql("SELECT i.code, c.code FROM criterion_indicator ci "
              "JOIN index_criterion c ON c.id = ci.criterion_id "
              "JOIN index_version v ON v.id = c.version_id "
              "LEFT JOIN index_criterion p ON p.id = c.parent_id "
              "JOIN indicator i ON i.id = ci.indicator_id "
              "WHERE v.code = 'DTI2022' AND i.dti_code <> CONCAT('DTI22-', COALESCE(p.code, c.code))")
    check(bad == [], "mappings disagree with dti_code: %r" % bad)
    n = count("SELECT COUNT(*) FROM indicator WHERE active = 1 AND dti_code LIKE 'DTI22-%'")
    mapped = count("SELECT COUNT(DISTINCT ci.indicator_id) FROM criterion_indicator ci "
                   "JOIN index_criterion c ON c.id = ci.criterion_id JOIN index_version v ON v.id = c.version_id "
                   "WHERE v.code = 'DTI2022'")
    check(n == mapped and n > 20, "DTI22 indicators %d, mapped %d" % (n, mapped))
    f = one("SELECT ci.factor, ci.uom FROM criterion_indicator ci JOIN indicator i ON i.id = ci.indicator_id "
            "JOIN index_criterion c ON c.id = ci.criterion_id JOIN index_version v ON v.id = c.version_id "
            "WHERE v.code = 'DTI2022' AND i.code = 'HT-IPV6'")
    # a yes/no indicator's city value is already the percentage of units
    # answering yes (docs/scoring.md): no factor, shown in %
    check(float(f[0]) == 1 and f[1] == "%", "yes/no as %%: %r" % f)
    f = one("SELECT ci.factor, c.code FROM criterion_indicator ci JOIN indicator i ON i.id = ci.indicator_id "
            "JOIN index_criterion c ON c.id = ci.criterion_id JOIN index_version v ON v.id = c.version_id "
            "WHERE v.code = 'DTI2022' AND i.code = 'NT-HOP-CHUTRI'")
    check(float(f[0]) == 0.01 and f[1] == "1.b", "percent into a ratio: %r" % f)
    check(count("SELECT COUNT(*) FROM criterion_indicator ci JOIN index_criterion c ON c.id = ci.criterion_id "
                "WHERE c.verified = 0 AND ci.verified = 1") == 0,
          "a mapping to an unverified criterion is marked verified")


# ---------------------------------------------------------------------------
# versions
# ---------------------------------------------------------------------------

@test
def wg_adds_a_version():
    vid = own_version()
    check(vid is not None, "version not stored")
    row = one("SELECT index_code, name, decision, year_from, year_to, max_points, verified "
              "FROM index_version WHERE id = %d" % vid)
    check(row == ["DTI", "Phiên bản kiểm thử", "1/QĐ-TEST", "2090", "NULL", "100.00", "0"], "stored %r" % row)
    check(audits("index_version", "TESTIX" + RUN + "V", "version_add") == 1, "no audit row for the version")
    page = wg().get("/review/indices")
    check('id="ver-TESTIX%sV"' % RUN in page.text, "new version not listed")
    page = wg().get("/review/index-version?id=%d" % vid)
    check(page.status == 200 and 'id="no-criteria"' in page.text, "empty version page: %s" % page.status)
    # verify it and back; each an audit row
    c = wg()
    tok = page.csrf()
    r = c.post("/review/index-version-state", encode({"csrf": tok, "id": vid, "action": "verify"}))
    check(r.status == 303, "verify: %s" % r.status)
    check(one("SELECT verified FROM index_version WHERE id = %d" % vid)[0] == "1", "not verified")
    r = c.post("/review/index-version-state", encode({"csrf": tok, "id": vid, "action": "unverify"}))
    check(r.status == 303 and one("SELECT verified FROM index_version WHERE id = %d" % vid)[0] == "0",
          "unverify: %s" % r.status)
    check(audits("index_version", "TESTIX" + RUN + "V", "version_verify") == 1, "no verify audit")
    check(audits("index_version", "TESTIX" + RUN + "V", "version_unverify") == 1, "no unverify audit")


@test
def bad_versions_are_refused_and_store_nothing():
    c = wg()
    before = count("SELECT COUNT(*) FROM index_version")
    naudit = count("SELECT COUNT(*) FROM audit WHERE entity = 'index_version'")
    cases = [({"code": "DTI2022"}, MSG_CODE_EXISTS),
             ({"code": "TESTIX%sY" % RUN, "year_from": "2030", "year_to": "2029"}, MSG_YEARS),
             ({"code": "TESTIX%sY" % RUN, "year_from": "abc"}, "Năm là số từ 1990 đến 2100"),
             ({"code": "TESTIX%sY" % RUN, "max_points": "-5"}, MSG_NEGATIVE),
             ({"code": "TESTIX%sY" % RUN, "max_points": "1.000"}, MSG_AMBIGUOUS),
             ({"code": "testix lower", "name": "x"}, "Mã chỉ gồm chữ in hoa"),
             ({"code": "TESTIX%sY" % RUN, "index_code": "NOPE"}, "Hãy chọn một giá trị"),
             ({"code": "TESTIX%sY" % RUN, "name": ""}, "Mục này bắt buộc")]
    for over, msg in cases:
        r = add_version(c, **over)
        check(r.status == 422, "%r: %s" % (over, r.status))
        check(msg in r.text, "%r: message %r missing" % (over, msg))
        check('id="error-summary"' in r.text, "%r: no error summary" % over)
    check(count("SELECT COUNT(*) FROM index_version") == before, "a refused version was stored")
    check(count("SELECT COUNT(*) FROM audit WHERE entity = 'index_version'") == naudit, "a refusal was audited")
    # the form keeps what was typed
    r = add_version(c, code="TESTIX%sY" % RUN, max_points="-5", name="Giữ lại")
    check(r.field("name") == "Giữ lại", "typed name lost")


@test
def wg_edits_a_version_and_stale_forms_are_refused():
    c = wg()
    vid = own_version()
    vcode = "TESTIX" + RUN + "V"
    page = c.get("/review/index-version?id=%d" % vid)
    fp = re.search(r'id="form-version-edit".*?name="fp" value="([0-9a-f]+)"', page.text, re.S).group(1)
    check(page.field("name") == "Phiên bản kiểm thử", "edit form not filled: %r" % page.field("name"))
    form = {"csrf": page.csrf(), "id": vid, "fp": fp, "name": "Phiên bản kiểm thử", "decision": "1/QĐ-TEST",
            "year_from": "2090", "year_to": "2089", "max_points": "100", "source": "kiểm thử tích hợp"}
    r = c.post("/review/index-version", encode(form))
    check(r.status == 422 and MSG_YEARS in r.text, "year_to before year_from: %s" % r.status)
    check(one("SELECT year_to FROM index_version WHERE id = %d" % vid)[0] == "NULL", "a refused edit was stored")
    form["year_to"] = "2091"
    form["max_points"] = "100,5"
    r = c.post("/review/index-version", encode(form))
    check(r.status == 303, "edit version: %s %s" % (r.status, r.text[:300]))
    check(one("SELECT year_to, max_points, code, index_code FROM index_version WHERE id = %d" % vid)
          == ["2091", "100.50", vcode, "DTI"], "edit not stored")
    check(audits("index_version", vcode, "set_year_to") == 1 and audits("index_version", vcode, "set_max_points") == 1,
          "version edit not audited field by field")
    check(audits("index_version", vcode, "set_name") == 0, "an unchanged field was audited")
    # the same form again is stale now
    form["year_to"] = "2095"
    r = c.post("/review/index-version", encode(form))
    check(r.status == 409 and MSG_CONFLICT in r.text, "stale version edit: %s" % r.status)
    check(one("SELECT year_to FROM index_version WHERE id = %d" % vid)[0] == "2091", "stale edit overwrote")


# ---------------------------------------------------------------------------
# criteria
# ---------------------------------------------------------------------------

@test
def wg_adds_edits_retires_and_verifies_criteria():
    c = wg()
    vid = own_version()
    r = add_crit(c, vid, code="A", name="Chỉ số chính A", max_points="10", scoring="other")
    check(r.status == 303, "add A: %s %s" % (r.status, r.text[:500]))
    a = crit_id(vid, "A")
    check(r.header("Location") == "/review/index-criterion?id=%d&done=created" % a, "redirect %s" % r.header("Location"))
    r = add_crit(c, vid, code="A.1", parent=a, name="Thành phần A.1", max_points="6,5", scoring="tiers")
    check(r.status == 303, "add A.1: %s" % r.status)
    r = add_crit(c, vid, code="A.2", parent=a, name="Thành phần A.2", max_points="6", scoring="evidence")
    check(r.status == 303, "add A.2: %s" % r.status)
    a1, a2 = crit_id(vid, "A.1"), crit_id(vid, "A.2")
    row = one("SELECT parent_id, max_points, scoring, unit_kinds, verified, active FROM index_criterion "
              "WHERE id = %d" % a1)
    check(row == [str(a), "6.50", "tiers", "department,district", "0", "1"], "A.1 stored %r" % row)
    check(audits("index_criterion", a1, "criterion_add") == 1, "no audit for A.1")
    # children carry 12,5 points under a parent of 10: a warning, not a refusal
    page = c.get("/review/index-criterion?id=%d" % a)
    check(MSG_CHILDREN_OVER in page.text and "12,5" in page.text, "no children-over warning")
    vpage = c.get("/review/index-version?id=%d" % vid)
    check('id="nwarn"' in vpage.text, "version page shows no points warning")
    # the same code in another version is fine
    check(crit_id(version_id("DTI2022"), "A") is None, "fixture: DTI2022 has an A")
    # edit: name and points, one audit row per changed field
    d = edit_form(c, a2)
    d["name"] = "Thành phần A.2 (sửa)"
    d["max_points"] = "4"
    r = c.post("/review/index-criterion", encode(d))
    check(r.status == 303, "edit A.2: %s %s" % (r.status, r.text[:300]))
    check(one("SELECT name, max_points FROM index_criterion WHERE id = %d" % a2) == ["Thành phần A.2 (sửa)", "4.00"],
          "edit not stored")
    check(audits("index_criterion", a2, "set_name") == 1 and audits("index_criterion", a2, "set_max_points") == 1,
          "edit not audited field by field")
    check(audits("index_criterion", a2, "set_code") == 0, "an unchanged field was audited")
    # move A.2 to be a main index and back
    d = edit_form(c, a2)
    d["parent"] = "0"
    check(c.post("/review/index-criterion", encode(d)).status == 303, "move to top")
    check(one("SELECT parent_id FROM index_criterion WHERE id = %d" % a2)[0] == "NULL", "not moved")
    # retire, verify
    tok = page.csrf()
    for action, col, want in (("retire", "active", "0"), ("verify", "verified", "1"),
                              ("reactivate", "active", "1"), ("unverify", "verified", "0")):
        r = c.post("/review/index-criterion-state", encode({"csrf": tok, "id": a2, "action": action}))
        check(r.status == 303, "%s: %s" % (action, r.status))
        check(one("SELECT %s FROM index_criterion WHERE id = %d" % (col, a2))[0] == want, "%s not stored" % action)
        check(audits("index_criterion", a2, "criterion_" + action) == 1, "%s not audited" % action)
    # retired criteria are kept and shown as such
    c.post("/review/index-criterion-state", encode({"csrf": tok, "id": a2, "action": "retire"}))
    vpage = c.get("/review/index-version?id=%d" % vid)
    check(re.search(r'<tr id="crit-%d" class="[^"]*retired' % a2, vpage.text), "retired row not marked")


@test
def bad_criteria_are_refused_and_store_nothing():
    c = wg()
    vid = own_version()
    if crit_id(vid, "B") is None:
        check(add_crit(c, vid, code="B", name="B").status == 303, "fixture B")
    b = crit_id(vid, "B")
    if crit_id(vid, "B.1") is None:
        check(add_crit(c, vid, code="B.1", parent=b, name="B.1").status == 303, "fixture B.1")
    b1 = crit_id(vid, "B.1")
    n = count("SELECT COUNT(*) FROM index_criterion WHERE version_id = %d" % vid)
    naudit = count("SELECT COUNT(*) FROM audit WHERE entity = 'index_criterion'")
    cases = [({"code": "B"}, MSG_CODE_EXISTS),
             ({"code": "C", "max_points": "-1"}, MSG_NEGATIVE),
             ({"code": "C", "max_points": "1.234"}, MSG_AMBIGUOUS),
             ({"code": "C", "max_points": "mười"}, MSG_NUMBER),
             ({"code": "C", "max_points": "1,234"}, MSG_AMBIGUOUS),
             ({"code": "C", "max_points": "12,3456"}, "Quá nhiều chữ số thập phân"),
             ({"code": "C D"}, "Mã tiêu chí chỉ gồm"),
             ({"code": "C", "name": ""}, "Mục này bắt buộc"),
             ({"code": "C", "scoring": "magic"}, "Hãy chọn một giá trị"),
             ({"code": "C", "unit_kinds": []}, "Chọn ít nhất một loại đơn vị"),
             ({"code": "C", "parent": "999999999"}, "Hãy chọn một giá trị"),
             ({"code": "C", "parent": crit_id(version_id("DTI2022"), "1")}, "Hãy chọn một giá trị")]
    for over, msg in cases:
        r = add_crit(c, vid, **over)
        check(r.status == 422, "%r: %s" % (over, r.status))
        check(msg in r.text, "%r: message %r missing" % (over, msg))
    check(count("SELECT COUNT(*) FROM index_criterion WHERE version_id = %d" % vid) == n, "a refused criterion was stored")
    # an edit into a loop, or onto a taken code
    d = edit_form(c, b)
    d["parent"] = b1
    r = c.post("/review/index-criterion", encode(d))
    check(r.status == 422 and MSG_LOOP in r.text, "loop: %s" % r.status)
    d = edit_form(c, b1)
    d["code"] = "B"
    r = c.post("/review/index-criterion", encode(d))
    check(r.status == 422 and MSG_CODE_EXISTS in r.text, "code taken: %s" % r.status)
    check(one("SELECT COALESCE(parent_id, 0), code FROM index_criterion WHERE id = %d" % b) == ["0", "B"], "B changed")
    check(one("SELECT code FROM index_criterion WHERE id = %d" % b1)[0] == "B.1", "B.1 changed")
    check(count("SELECT COUNT(*) FROM audit WHERE entity = 'index_criterion'") == naudit, "a refusal was audited")


@test
def a_stale_criterion_form_is_refused_with_409():
    c = wg()
    vid = own_version()
    if crit_id(vid, "S") is None:
        check(add_crit(c, vid, code="S", name="Bản gốc").status == 303, "fixture S")
    s = crit_id(vid, "S")
    mine = edit_form(c, s)
    theirs = edit_form(login("ix.wg2"), s)
    theirs["name"] = "Người khác sửa"
    check(login("ix.wg2").post("/review/index-criterion", encode(theirs)).status == 303, "first save")
    mine["name"] = "Tôi sửa"
    r = c.post("/review/index-criterion", encode(mine))
    check(r.status == 409, "stale save: %s" % r.status)
    check(MSG_CONFLICT in r.text, "no conflict message")
    check(one("SELECT name FROM index_criterion WHERE id = %d" % s)[0] == "Người khác sửa", "stale save overwrote")


@test
def criterion_names_are_escaped():
    c = wg()
    vid = own_version()
    evil = "<script>alert(1)</script> & \"q\""
    if crit_id(vid, "XSS") is None:
        r = add_crit(c, vid, code="XSS", name=evil, scoring_text="<b>đậm</b>", source="<img src=x onerror=alert(1)>")
        check(r.status == 303, "add XSS: %s" % r.status)
    x = crit_id(vid, "XSS")
    check(one("SELECT name FROM index_criterion WHERE id = %d" % x)[0] == evil, "name not stored as typed")
    for page in (c.get("/review/index-version?id=%d" % vid), c.get("/review/index-criterion?id=%d" % x)):
        check(page.status == 200, "page: %s" % page.status)
        check("<script>alert(1)" not in page.text, "script tag not escaped")
        check("<img src=x" not in page.text and "<b>đậm" not in page.text, "markup not escaped")
        check("&lt;script&gt;alert(1)&lt;/script&gt;" in page.text, "escaped name not shown")


# ---------------------------------------------------------------------------
# mappings
# ---------------------------------------------------------------------------

@test
def wg_maps_edits_and_removes_an_indicator():
    c = wg()
    vid = own_version()
    if crit_id(vid, "M") is None:
        check(add_crit(c, vid, code="M", name="Tiêu chí có chỉ tiêu").status == 303, "fixture M")
    m = crit_id(vid, "M")
    ind = indicator("DVC-HS-TRUCTUYEN")
    eid = "%d:DVC-HS-TRUCTUYEN" % m
    vpage = c.get("/review/index-version?id=%d" % vid)
    check('id="gap-%d"' % m in vpage.text, "criterion without indicator not a gap")
    page = c.get("/review/index-criterion?id=%d" % m)
    check('id="no-maps"' in page.text, "no 'no mapping' note")
    r = c.post("/review/index-mapping", encode({"csrf": page.csrf(), "id": m, "action": "add", "m_indicator": ind,
                                                "m_factor": "0,01", "m_offset": "", "m_uom": "tỷ lệ",
                                                "m_note": "% → tỷ lệ"}))
    check(r.status == 303, "add mapping: %s %s" % (r.status, r.text[:300]))
    row = one("SELECT factor, offset_value, uom, note, verified FROM criterion_indicator "
              "WHERE criterion_id = %d AND indicator_id = %d" % (m, ind))
    check(float(row[0]) == 0.01 and float(row[1]) == 0 and row[2:] == ["tỷ lệ", "% → tỷ lệ", "0"], "stored %r" % row)
    check(audits("criterion_indicator", eid, "mapping_add") == 1, "mapping not audited")
    vpage = c.get("/review/index-version?id=%d" % vid)
    check('id="gap-%d"' % m not in vpage.text, "mapped criterion still a gap")
    # edit: factor, offset, verified
    page = c.get("/review/index-criterion?id=%d" % m)
    check('value="0,01"' in page.text, "factor not shown the Vietnamese way")
    fp = map_fp(page, ind)
    r = c.post("/review/index-mapping", encode({"csrf": page.csrf(), "id": m, "action": "save", "indicator": ind,
                                                "fp": fp, "factor": "100", "offset": "-2,5", "uom": "%",
                                                "note": "sửa", "verified": "1"}))
    check(r.status == 303, "save mapping: %s %s" % (r.status, r.text[:300]))
    row = one("SELECT factor, offset_value, uom, note, verified FROM criterion_indicator "
              "WHERE criterion_id = %d AND indicator_id = %d" % (m, ind))
    check(float(row[0]) == 100 and float(row[1]) == -2.5 and row[2:] == ["%", "sửa", "1"], "edit stored %r" % row)
    check(audits("criterion_indicator", eid, "mapping_update") == 1, "edit not audited")
    # the old form is stale now
    r = c.post("/review/index-mapping", encode({"csrf": page.csrf(), "id": m, "action": "save", "indicator": ind,
                                                "fp": fp, "factor": "7"}))
    check(r.status == 409 and MSG_CONFLICT in r.text, "stale mapping save: %s" % r.status)
    check(float(one("SELECT factor FROM criterion_indicator WHERE criterion_id = %d AND indicator_id = %d"
                    % (m, ind))[0]) == 100, "stale save overwrote")
    # remove
    r = c.post("/review/index-mapping", encode({"csrf": page.csrf(), "id": m, "action": "delete", "indicator": ind}))
    check(r.status == 303, "remove: %s" % r.status)
    check(count("SELECT COUNT(*) FROM criterion_indicator WHERE criterion_id = %d" % m) == 0, "not removed")
    check(audits("criterion_indicator", eid, "mapping_remove") == 1, "removal not audited")


@test
def bad_mappings_are_refused_and_store_nothing():
    c = wg()
    vid = own_version()
    if crit_id(vid, "N") is None:
        check(add_crit(c, vid, code="N", name="N").status == 303, "fixture N")
    n = crit_id(vid, "N")
    ind = indicator("HT-MAYTINH")
    page = c.get("/review/index-criterion?id=%d" % n)
    tok = page.csrf()
    base = {"csrf": tok, "id": n, "action": "add", "m_indicator": ind, "m_factor": "1"}
    check(c.post("/review/index-mapping", encode(base)).status == 303, "fixture mapping")
    naudit = count("SELECT COUNT(*) FROM audit WHERE entity = 'criterion_indicator'")
    retired = sql("SELECT id FROM indicator WHERE active = 0 LIMIT 1")
    cases = [({"m_factor": "0"}, MSG_FACTOR_ZERO),
             ({"m_factor": "0,0"}, MSG_FACTOR_ZERO),
             ({"m_factor": "abc"}, MSG_NUMBER),
             ({"m_factor": ""}, "Mục này bắt buộc"),
             ({"m_factor": "1.000"}, MSG_AMBIGUOUS),
             ({"m_offset": "x"}, MSG_NUMBER),
             ({"m_indicator": ""}, "Hãy chọn một giá trị"),
             ({"m_indicator": "999999999"}, "Hãy chọn một giá trị"),
             ({}, MSG_MAP_EXISTS)]
    if retired:
        cases.append(({"m_indicator": retired[0][0]}, "Hãy chọn một giá trị"))
    other = indicator("HT-IPV6")
    for over, msg in cases:
        d = dict(base)
        if over:
            d["m_indicator"] = other
        d.update(over)
        r = c.post("/review/index-mapping", encode(d))
        check(r.status == 422, "%r: %s" % (over, r.status))
        check(msg in r.text, "%r: message %r missing" % (over, msg))
    check(count("SELECT COUNT(*) FROM criterion_indicator WHERE criterion_id = %d" % n) == 1, "a refused mapping stored")
    # an edit with a zero factor
    page = c.get("/review/index-criterion?id=%d" % n)
    r = c.post("/review/index-mapping", encode({"csrf": tok, "id": n, "action": "save", "indicator": ind,
                                                "fp": map_fp(page, ind), "factor": "0"}))
    check(r.status == 422 and MSG_FACTOR_ZERO in r.text, "zero factor edit: %s" % r.status)
    check(float(one("SELECT factor FROM criterion_indicator WHERE criterion_id = %d" % n)[0]) == 1, "factor changed")
    check(count("SELECT COUNT(*) FROM audit WHERE entity = 'criterion_indicator'") == naudit, "a refusal was audited")


# ---------------------------------------------------------------------------
# who may
# ---------------------------------------------------------------------------

@test
def officers_and_members_get_403():
    vid = version_id("DTI2022")
    cid = crit_id(vid, "1")
    gets = ["/review/indices", "/review/index-version?id=%d" % vid, "/review/index-criterion?id=%d" % cid,
            "/review/index-criterion?version=%d" % vid]
    nver = count("SELECT COUNT(*) FROM index_version")
    for user, unit, roles in (("ix.officer", "S-NOIVU", "officer"), ("ix.member", "S-NOIVU", "member,unit_head")):
        c = login(user, unit, roles)
        tok = c.get("/report/").csrf() or c.get("/").csrf()
        for p in gets:
            r = c.get(p)
            check(r.status == 403, "%s GET %s: %s" % (user, p, r.status))
            check(FORBIDDEN_MSG in r.text, "%s GET %s: no message" % (user, p))
        for p, data in (("/review/indices", {"index_code": "DTI", "code": "TESTIX%sO" % RUN, "name": "x",
                                             "year_from": "2091"}),
                        ("/review/index-criterion-state", {"id": cid, "action": "retire"}),
                        ("/review/index-mapping", {"id": cid, "action": "delete",
                                                   "indicator": indicator("NT-CONGTT-CDS")})):
            d = {"csrf": tok or ""}
            d.update(data)
            r = c.post(p, encode(d))
            check(r.status == 403, "%s POST %s: %s" % (user, p, r.status))
    check(count("SELECT COUNT(*) FROM index_version") == nver, "a forbidden POST stored a version")
    check(one("SELECT active FROM index_criterion WHERE id = %d" % cid)[0] == "1", "a forbidden POST retired")
    check(count("SELECT COUNT(*) FROM criterion_indicator WHERE criterion_id = %d" % cid) >= 1, "a forbidden POST removed")


@test
def posts_without_csrf_are_refused():
    c = wg()
    vid = own_version()
    if crit_id(vid, "Z") is None:
        check(add_crit(c, vid, code="Z", name="Z").status == 303, "fixture Z")
    z = crit_id(vid, "Z")
    nver = count("SELECT COUNT(*) FROM index_version")
    for tok in (None, "0" * 64):
        extra = {"csrf": tok} if tok else {}
        posts = [("/review/indices", dict(index_code="DTI", code="TESTIX%sC" % RUN, name="x", year_from="2091", **extra)),
                 ("/review/index-criterion", dict(version=vid, code="ZC", name="x", scoring="other",
                                                  unit_kinds="department", **extra)),
                 ("/review/index-criterion-state", dict(id=z, action="retire", **extra)),
                 ("/review/index-version-state", dict(id=vid, action="verify", **extra)),
                 ("/review/index-mapping", dict(id=z, action="add", m_indicator=indicator("HT-MAYTINH"),
                                                m_factor="1", **extra))]
        for p, data in posts:
            r = c.post(p, encode(data))
            check(r.status == 403, "POST %s without a valid token: %s" % (p, r.status))
            check(CSRF_MSG in r.text, "POST %s: no CSRF message" % p)
    check(count("SELECT COUNT(*) FROM index_version") == nver, "stored a version without CSRF")
    check(crit_id(vid, "ZC") is None, "stored a criterion without CSRF")
    check(one("SELECT active FROM index_criterion WHERE id = %d" % z)[0] == "1", "retired without CSRF")
    check(count("SELECT COUNT(*) FROM criterion_indicator WHERE criterion_id = %d" % z) == 0, "mapped without CSRF")


@test
def database_grants_are_least_privilege():
    pw = secrets()
    for table in ("nat_index", "index_version", "index_criterion", "criterion_indicator"):
        ok, err = sql_as("egov_export", pw["EXPORT_PW"], "SELECT COUNT(*) FROM %s" % table)
        check(ok, "export cannot read %s: %s" % (table, err))
    ok, _ = sql_as("egov_export", pw["EXPORT_PW"], "UPDATE index_criterion SET name = name WHERE id = 0")
    check(not ok, "export may write index_criterion")
    ok, _ = sql_as("egov_review", pw["REVIEW_PW"], "DELETE FROM index_criterion WHERE id = 0")
    check(not ok, "review may delete criteria (they are retired, never deleted)")
    ok, _ = sql_as("egov_review", pw["REVIEW_PW"], "UPDATE nat_index SET sort = sort WHERE code = ''")
    check(not ok, "review may change the list of indices")
    ok, err = sql_as("egov_review", pw["REVIEW_PW"], "DELETE FROM criterion_indicator WHERE criterion_id = 0")
    check(ok, "review cannot remove mappings: %s" % err)


@test
def pages_render_in_english():
    c = wg()
    c.cookies["lang"] = "en"
    try:
        vid = version_id("DTI2022")
        r = c.get("/review/index-version?id=%d" % vid)
        check(r.status == 200 and "No indicator (gap)" in r.text and "Criteria without an indicator" in r.text,
              "English version page: %s" % r.status)
        r = c.get("/review/indices")
        check(r.status == 200 and "Unverified" in r.text and "Add a version" in r.text, "English list")
    finally:
        c.cookies.pop("lang", None)


run()
