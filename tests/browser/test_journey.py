"""Browser journey of a unit officer, in headless Chromium driven over W3C
WebDriver (tests/browser/webdriver.py, standard library only):

  log in with the keyboard -> report home -> the 2031 Q1 form -> fill every
  field -> save a draft -> submit -> "Đã gửi đúng hạn", checked in the DB.

The test makes its own officer (browser.officer, S-NOIVU) and period (Q1/2031)
and clears any earlier submission of that unit for that period, so it can run
again on a kept stack.  A screenshot of the filled form goes to
$TEST_VAR/browser-form.png.  If Chromium cannot start at all the suite prints
"SKIP browser/journey: why" instead of failing."""

import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from journey import Journey, alive  # noqa: E402

import egov  # noqa: E402
from egov import admin, check, period_id, sql  # noqa: E402
from webdriver import ENTER  # noqa: E402


BASE = "http://127.0.0.1:%d" % egov.BASE_PORT
LOGIN = "browser.officer"
NAME = "Cán bộ thử nghiệm trình duyệt"
UNIT = "S-NOIVU"
PASSWORD = "Browser@2026"
YEAR, SEQ = 2031, 1
WAIT = 20                       # seconds, the bound of every wait
BUDGET = 50                     # seconds for the whole journey
SCREENSHOT = os.path.join(egov.VAR, "browser-form.png")

# What the officer types, per field type; the figures land inside the range
# the form shows.  A few codes get their own value: the decimal-comma figures
# checked in the database, and the pairs that cross-field rules tie together
# (DVC-TT <= DVC-TOTAL and the like; equal values would pass too, but a
# strict difference shows the rule is met for the right reason).
TYPED = {
    "TC-NS-GIAO": "1500,75",      # decimal comma; stored as 1500.750000
    "TC-NS-CHI": "12,5",          # decimal comma; stored as 12.500000
    "DVC-TOTAL": "20",
    "DVC-TT": "12",
    "DOC-TOTAL": "40",
    "DOC-SIGNED": "35",
    "ATTT-SUCO-PH": "3",
    "ATTT-SUCO-XL": "2",
}
DECIMAL_CHECKS = {"TC-NS-GIAO": "1500.750000", "TC-NS-CHI": "12.500000"}
TEXT = "Kế hoạch số 12/KH-SNV ngày 15/01/2031 về chuyển đổi số năm 2031"
PROBLEMS = "Đường truyền tại bộ phận một cửa còn chậm."
PROPOSALS = "Đề nghị bổ sung kinh phí nâng cấp đường truyền."

J = Journey("browser", BUDGET, WAIT)
S, D, need, step = J.S, J.D, J.need, J.step


def num_range(meta):
    """(min, max) from the row's "CODE · uom · khoảng 0–50", or None."""
    m = re.search(r"(-?[0-9][0-9,]*)\s*–\s*(-?[0-9][0-9,]*)\s*$", meta.strip())
    if not m:
        return None
    # the page shows bounds as typed: decimal comma, no thousands grouping
    return tuple(float(x.replace(",", ".")) for x in m.groups())


def fmt(x):
    """A number as the officer types it: decimal comma, no grouping."""
    s = ("%.6f" % x).rstrip("0").rstrip(".")
    return s.replace(".", ",")


def value_for(code, vtype, rng):
    """The text to type for one numeric field, inside its range."""
    if code in TYPED:
        v = TYPED[code]
    elif vtype == "percent":
        v = "50"
    elif vtype == "decimal":
        v = "12,5"
    else:
        v = "10"
    if rng:
        x = float(v.replace(",", "."))
        lo, hi = rng
        if x < lo or x > hi:
            x = min(max(x, lo), hi)
            v = fmt(round(x) if vtype == "integer" else x)
    return v


@step
def setup_officer_and_period():
    r = admin("user-add", LOGIN, NAME, UNIT, "officer", stdin=PASSWORD + "\n")
    if r.returncode != 0:
        # left by an earlier run on a kept stack: same account, fresh password
        check(sql("SELECT COUNT(*) FROM app_user WHERE login='%s'" % LOGIN) == [["1"]],
              "user-add failed: %s" % r.stderr.strip())
        r = admin("user-password", LOGIN, stdin=PASSWORD + "\n")
        check(r.returncode == 0, "user-password failed: %s" % r.stderr.strip())
        admin("user-enable", LOGIN)
        sql("UPDATE app_user SET display_name='%s', unit_id=(SELECT id FROM unit WHERE code='%s'), "
            "roles='officer', active=1, failed_logins=0, locked_until=NULL WHERE login='%s'"
            % (NAME, UNIT, LOGIN))
    r = admin("period-create", "Q", str(YEAR), str(SEQ))
    check(r.returncode == 0 or period_id("Q", YEAR, SEQ) is not None,
          "period-create failed: %s" % r.stderr.strip())
    r = admin("period-open", "Q", str(YEAR), str(SEQ))
    check(r.returncode == 0, "period-open failed: %s" % r.stderr.strip())
    pid = period_id("Q", YEAR, SEQ)
    uid = int(sql("SELECT id FROM unit WHERE code='%s'" % UNIT)[0][0])
    # a report of this unit for this period from an earlier run
    sql("DELETE f FROM figure f JOIN submission s ON s.id=f.submission_id "
        "WHERE s.unit_id=%d AND s.period_id=%d; "
        "DELETE FROM submission WHERE unit_id=%d AND period_id=%d" % (uid, pid, uid, pid))
    S["period"], S["unit"] = pid, uid


@step
def login_with_keyboard():
    need("period")
    D.get(BASE + "/login")
    login = D.wait_find("#login")
    check(D.active().id == login.id, "the login field does not have the focus (autofocus)")
    login.send_keys(LOGIN)
    password = D.find("#password")
    password.send_keys(PASSWORD + ENTER)          # Enter submits the form
    D.wait("the report home after login", lambda: D.url.endswith("/report/"), WAIT)
    check(not D.find_all("#login-error"), "login error: %s" %
          (D.find_all("#login-error") and D.find("#login-error").text))
    who = D.find(".who").text
    check(NAME in who, "header does not name the officer: %r" % who)
    S["logged_in"] = True


@step
def open_form_from_home():
    need("logged_in")
    href = "/report/form?period=%d" % S["period"]
    links = D.find_all('a[href="%s"]' % href)
    check(len(links) == 1, "no single link to %s on /report/ (found %d)" % (href, len(links)))
    links[0].click()
    status = D.wait_find("#form-status", WAIT)
    check(D.url.endswith(href), "form not opened: %s" % D.url)
    check(status.text == "Chưa nhập", "status of a new form: %r" % status.text)
    check(D.find_all("#btn-save") and D.find_all("#btn-submit"), "the form is not editable")
    S["form"] = True


@step
def fill_every_field():
    need("form")
    # one round trip for what each row says about its field
    fields = D.script("""
        return Array.from(document.querySelectorAll('[id^="v_"]')).map(function (e) {
            var tr = e.closest('tr'), meta = tr && tr.querySelector('.meta');
            return {id: e.id, tag: e.tagName.toLowerCase(),
                    placeholder: e.getAttribute('placeholder') || '',
                    meta: meta ? meta.textContent : ''};
        });""")
    check(len(fields) >= 20, "only %d fields on the form" % len(fields))
    vtypes = dict(sql("SELECT code, vtype FROM indicator"))
    typed = {}
    for f in fields:
        code = f["id"][2:]
        el = D.find("#" + f["id"])
        if f["tag"] == "select":
            el.find('option[value="1"]').click()
            typed[code] = "1"
            continue
        if f["tag"] == "textarea":
            v = TEXT
        elif f["placeholder"] == "dd/mm/yyyy":
            v = "15/02/2031"
        else:
            vtype = vtypes.get(code, "integer")
            v = value_for(code, vtype, num_range(f["meta"]))
        el.clear()
        el.send_keys(v)
        typed[code] = v
    D.find("#problems").send_keys(PROBLEMS)
    D.find("#proposals").send_keys(PROPOSALS)
    # what the browser now holds is what was typed
    held = D.script("""
        var o = {};
        document.querySelectorAll('[id^="v_"]').forEach(function (e) { o[e.id.slice(2)] = e.value; });
        return o;""")
    wrong = ["%s=%r (typed %r)" % (k, held.get(k), v) for k, v in typed.items() if held.get(k) != v]
    check(not wrong, "fields do not hold what was typed: %s" % ", ".join(wrong[:5]))
    check(any("," in v for v in typed.values()), "no figure typed with a decimal comma")
    # the rules the database knows must hold for what was typed
    for lc, op, rc in sql("SELECT l.code, r.op, rr.code FROM indicator_rule r "
                          "JOIN indicator l ON l.id=r.left_id JOIN indicator rr ON rr.id=r.right_id"):
        if lc in typed and rc in typed:
            a, b = (float(typed[c].replace(",", ".")) for c in (lc, rc))
            check({"<=": a <= b, "<": a < b, ">=": a >= b, ">": a > b, "=": a == b}[op],
                  "test data breaks the rule %s %s %s" % (lc, op, rc))
    S["typed"] = typed
    # the whole filled form, for a human to look at: a window as tall as the
    # page (the window is taller than its viewport, hence the correction)
    D.script("document.activeElement.blur(); window.scrollTo(0, 0);")
    for _ in range(3):
        h, inner = D.script("return [document.documentElement.scrollHeight, window.innerHeight];")
        if h == inner:
            break
        rect = D.cmd("GET", "/window/rect")
        D.set_window(1280, min(rect["height"] + h - inner, 12000))
    D.script("window.scrollTo(0, 0);")
    time.sleep(0.2)
    n = D.screenshot(SCREENSHOT)
    check(n > 10000, "screenshot suspiciously small (%d bytes)" % n)
    D.set_window(1280, 900)


@step
def save_draft():
    need("typed")
    old = D.find("#form-status")
    D.find("#btn-save").click()
    D.wait("the page after saving", lambda: not alive(old), WAIT)
    flash = D.wait_find("#flash", WAIT)
    errors = D.find_all("#error-summary")
    check(not errors, "errors after saving: %s" % (errors and errors[0].text.replace("\n", "; ")))
    check(flash.text == "Đã lưu bản nháp.", "flash after saving: %r" % flash.text)
    check(D.find("#form-status").text == "Đang nhập (nháp)",
          "status after saving: %r" % D.find("#form-status").text)
    # the saved draft shows the figures back, with the decimal comma
    for code in DECIMAL_CHECKS:
        v = D.find("#v_" + code).prop("value")
        check(v == S["typed"][code], "%s shows %r after saving, typed %r" % (code, v, S["typed"][code]))
    S["saved"] = True


@step
def submit_on_time():
    need("saved")
    old = D.find("#form-status")
    D.find("#btn-submit").click()
    D.wait("the page after submitting", lambda: not alive(old), WAIT)
    status = D.wait_find("#form-status", WAIT)
    errors = D.find_all("#error-summary")
    check(not errors, "errors after submitting: %s" % (errors and errors[0].text.replace("\n", "; ")))
    flash = D.find_all("#flash")
    check(flash and flash[0].text == "Đã gửi báo cáo. Cảm ơn đơn vị.",
          "flash after submitting: %r" % (flash and flash[0].text))
    check(not D.find_all("#btn-submit"), "the submitted form is still editable")
    S["submitted"] = True       # the later steps can run whatever the status says
    check(status.text == "Đã gửi đúng hạn", "status after submitting: %r" % status.text)


@step
def home_shows_on_time():
    need("submitted")
    D.find('.crumbs a[href="/report/"]').click()
    D.wait("the report home", lambda: D.url.endswith("/report/"), WAIT)
    row = D.wait_find('tr:has(a[href="/report/form?period=%d"]) .status' % S["period"], WAIT)
    check(row.text == "Đã gửi đúng hạn", "status on the report home: %r" % row.text)


@step
def stored_in_database():
    need("submitted")
    rows = sql("SELECT id, status, submitted_at IS NOT NULL, problems FROM submission "
               "WHERE unit_id=%d AND period_id=%d" % (S["unit"], S["period"]))
    check(len(rows) == 1, "submissions of the unit for the period: %r" % rows)
    sid, status, stamped, problems = rows[0]
    check(status == "submitted" and stamped == "1", "submission row: %r" % rows[0])
    check(problems == PROBLEMS, "problems stored as %r" % problems)
    figs = {c: (n, t) for c, n, t in sql(
        "SELECT i.code, IFNULL(f.num_value,'NULL'), IFNULL(f.text_value,'NULL') FROM figure f "
        "JOIN indicator i ON i.id=f.indicator_id WHERE f.submission_id=%s" % sid)}
    missing = sorted(set(S["typed"]) - set(figs))
    check(not missing, "figures not stored: %s" % ", ".join(missing))
    for code, want in DECIMAL_CHECKS.items():
        check(figs[code][0] == want, "%s stored as %s, typed %r" % (code, figs[code][0], S["typed"][code]))
    texts = [c for c, v in S["typed"].items() if v == TEXT]
    for c in texts:
        check(figs[c][1] == TEXT, "%s text stored as %r" % (c, figs[c][1]))


if __name__ == "__main__":
    J.main()
