"""The officer's program under attack and under load: CSRF, another unit's
form, units outside their validity, locked and closed periods, concurrent
saves, the audit trail written with every change (and only with it), and the
database accounts' grants.

Own users s.* (units P-HONGBANG, S-NOIVU and two test units); own periods in
2032."""

import os
import re
import threading

from egov import (VAR, Client, admin, check, complete_values, ensure_period, ensure_user, run,
                  secrets, sql, sql_as, test)

PW = "password123"
CSRF_MSG = "Phiên làm việc của biểu mẫu đã hết hạn hoặc không hợp lệ"


def unit_id(code):
    return int(sql("SELECT id FROM unit WHERE code = '%s'" % code)[0][0])


def url(pid):
    return "/report/form?period=%d" % pid


def login(user, unit):
    ensure_user(user, unit, password=PW)
    return Client().login_ok(user, PW)


def submission(unit, pid):
    rows = sql("SELECT id, status, version, COALESCE(problems, 'NULL'), updated_by FROM submission "
               "WHERE unit_id = %d AND period_id = %d" % (unit_id(unit), pid))
    return rows[0] if rows else None


def figure(unit, pid, code):
    rows = sql("SELECT COALESCE(f.num_value, 'NULL'), COALESCE(f.note, 'NULL') FROM figure f "
               "JOIN submission s ON s.id = f.submission_id JOIN indicator i ON i.id = f.indicator_id "
               "WHERE s.unit_id = %d AND s.period_id = %d AND i.code = '%s'" % (unit_id(unit), pid, code))
    return rows[0] if rows else None


def figures_of_period(pid):
    return int(sql("SELECT COUNT(*) FROM figure f JOIN submission s ON s.id = f.submission_id "
                   "WHERE s.period_id = %d" % pid)[0][0])


def save(c, pid, values, page=None, action="save"):
    page = page or c.get(url(pid))
    data = {"csrf": page.csrf(), "version": page.field("version"), "action": action}
    data.update(values)
    return c.post(url(pid), data)


def audit_count(where):
    return int(sql("SELECT COUNT(*) FROM audit WHERE " + where)[0][0])


# ---- CSRF ----

@test
def csrf_missing_wrong_or_foreign_token_is_refused_and_nothing_stored():
    pid = ensure_period("Q", 2032, 1)
    a = login("s.hongbang", "P-HONGBANG")
    b = login("s.hongbang2", "P-HONGBANG")
    page = a.get(url(pid))
    token_b = b.token()
    check(page.csrf() and token_b and page.csrf() != token_b, "sessions share a token")
    base = {"version": "0", "action": "save", "v_NT-BCD-HOP": "7", "problems": "csrf"}
    attempts = {
        "missing": dict(base),
        "empty": dict(base, csrf=""),
        "wrong": dict(base, csrf="0" * 64),
        "truncated": dict(base, csrf=page.csrf()[:-1]),
        "another session's": dict(base, csrf=token_b),
    }
    for what, data in attempts.items():
        r = a.post(url(pid), data)
        check(r.status == 403, "%s token: %d" % (what, r.status))
        check(CSRF_MSG in r.text, "%s token: no CSRF message" % what)
    # the token in the query string instead of the body, from another session
    r = a.post(url(pid) + "&csrf=" + token_b, base)
    check(r.status == 403, "another session's token in the URL: %d" % r.status)
    check(submission("P-HONGBANG", pid) is None, "a refused POST created a submission")
    check(figures_of_period(pid) == 0, "a refused POST stored figures")
    # GET never changes data, whatever it carries
    r = a.get(url(pid) + "&action=save&v_NT-BCD-HOP=7&version=0&csrf=" + page.csrf())
    check(r.status == 200 and submission("P-HONGBANG", pid) is None, "a GET stored something")
    # and the right token works, to show the refusals were about the token
    r = a.post(url(pid), dict(base, csrf=page.csrf()))
    check(r.status == 303, "the right token: %d" % r.status)


# ---- another unit ----

@test
def another_units_form_cannot_be_reached():
    pid = ensure_period("Q", 2032, 1)
    hb = login("s.hongbang", "P-HONGBANG")
    nv = login("s.noivu", "S-NOIVU")
    hb_unit = unit_id("P-HONGBANG")
    r = save(hb, pid, {"v_NT-BCD-HOP": "3", "n_NT-BCD-HOP": "ghi chú Hồng Bàng",
                       "problems": "bí mật Hồng Bàng"})
    check(r.status == 303, "hongbang's draft: %d" % r.status)
    hb_before = submission("P-HONGBANG", pid)
    # noivu asks for hongbang's form in every way the URL allows
    for q in ("&unit=%d" % hb_unit, "&unit_id=%d" % hb_unit, "&unit=P-HONGBANG",
              "&submission=%s" % hb_before[0]):
        page = nv.get(url(pid) + q)
        check(page.status == 200, "GET %s: %d" % (q, page.status))
        check("Sở Nội vụ" in page.text and "UBND phường Hồng Bàng" not in page.text,
              "%s: not noivu's own form" % q)
        check("bí mật Hồng Bàng" not in page.text and "ghi chú Hồng Bàng" not in page.text,
              "%s: hongbang's data shown to noivu" % q)
        check(page.field("v_NT-BCD-HOP") == "" and page.field("version") == "0",
              "%s: hongbang's figures in noivu's form" % q)
    # posting hongbang's version number does not reach hongbang's submission
    page = nv.get(url(pid))
    r = nv.post(url(pid) + "&unit=%d" % hb_unit,
                {"csrf": page.csrf(), "version": hb_before[2], "action": "save", "unit": str(hb_unit),
                 "unit_id": str(hb_unit), "submission": hb_before[0], "v_NT-BCD-HOP": "9",
                 "problems": "ghi đè của Nội vụ"})
    check(r.status == 409, "noivu posting hongbang's version: %d" % r.status)
    check(submission("S-NOIVU", pid) is None, "noivu's refused post created a submission")
    # a well-formed post with unit= writes into noivu's own unit, never hongbang's
    r = nv.post(url(pid) + "&unit=%d" % hb_unit,
                {"csrf": page.csrf(), "version": "0", "action": "save", "unit": str(hb_unit),
                 "unit_id": str(hb_unit), "v_NT-BCD-HOP": "9", "problems": "ghi đè của Nội vụ"})
    check(r.status == 303, "noivu's own save: %d" % r.status)
    check(submission("P-HONGBANG", pid) == hb_before, "hongbang's submission changed by noivu")
    check(figure("P-HONGBANG", pid, "NT-BCD-HOP") == ["3.000000", "ghi chú Hồng Bàng"],
          "hongbang's figure changed: %r" % (figure("P-HONGBANG", pid, "NT-BCD-HOP"),))
    nv_sub = submission("S-NOIVU", pid)
    check(nv_sub is not None and nv_sub[3] == "ghi đè của Nội vụ", "noivu's own submission: %r" % (nv_sub,))
    check(figure("S-NOIVU", pid, "NT-BCD-HOP")[0] == "9.000000", "noivu's figure not stored")
    rows = sql("SELECT DISTINCT actor_unit_id FROM audit WHERE entity = 'figure' AND entity_id LIKE '%s:%%'"
               % nv_sub[0])
    check(rows == [[str(unit_id("S-NOIVU"))]], "audit of noivu's save names unit %r" % rows)
    # and hongbang still sees only their own
    page = hb.get(url(pid))
    check(page.field("v_NT-BCD-HOP") == "3" and "ghi đè của Nội vụ" not in page.text, "hongbang sees noivu's data")


@test
def period_outside_the_units_life_is_not_found():
    pid = ensure_period("Q", 2032, 1)
    sql("INSERT IGNORE INTO unit (code, name, kind, valid_from, valid_to) VALUES "
        "('T-SEC-OLD', 'Đơn vị thử đã giải thể', 'commune', '2020-01-01', '2029-12-31'), "
        "('T-SEC-NEW', 'Đơn vị thử thành lập sau', 'commune', '2033-01-01', NULL)")
    for user, unit in (("s.old", "T-SEC-OLD"), ("s.new", "T-SEC-NEW")):
        c = login(user, unit)
        r = c.get(url(pid))
        check(r.status == 404, "%s: form of a period outside the unit's life: %d" % (unit, r.status))
        check("Không tìm thấy trang hoặc kỳ báo cáo." in r.text, "%s: no not-found message" % unit)
        home = c.get("/report/")
        check(home.status == 200 and "period=%d\"" % pid not in home.text, "%s: period listed" % unit)
        page = c.get("/report/")
        r = c.post(url(pid), {"csrf": page.csrf(), "version": "0", "action": "save", "v_NT-BCD-HOP": "1"})
        check(r.status == 404, "%s: POST outside the unit's life: %d" % (unit, r.status))
        check(submission(unit, pid) is None, "%s: a submission was created" % unit)
    c = login("s.hongbang", "P-HONGBANG")
    for q in ("999999999", "4294967295"):
        r = c.get("/report/form?period=" + q)
        check(r.status == 404, "unknown period %s: %d" % (q, r.status))


@test
def officer_without_unit_and_non_officers():
    pid = ensure_period("Q", 2032, 1)
    ensure_user("s.nounit", "-", roles="officer", password=PW)
    c = Client().login_ok("s.nounit", PW)
    home = c.get("/report/")
    check(home.status == 200 and "chưa được gắn với đơn vị" in home.text, "no-unit notice: %d" % home.status)
    check(c.get(url(pid)).status == 404, "an officer without a unit reaches a form")
    r = c.post(url(pid), {"csrf": home.csrf(), "version": "0", "action": "save", "v_NT-BCD-HOP": "1"})
    check(r.status == 404, "an officer without a unit posts: %d" % r.status)
    check(int(sql("SELECT COUNT(*) FROM submission WHERE period_id = %d" % pid)[0][0]) == 0,
          "a submission appeared")
    ensure_user("s.wg", "S-KHCN", roles="wg", password=PW)
    w = Client().login_ok("s.wg", PW)
    check(w.get(url(pid)).status == 403, "the working group reaches the officers' form")
    check(w.get("/report/").status == 403, "the working group reaches the officers' list")


# ---- locked and closed periods ----

@test
def locked_or_closed_period_cannot_be_edited():
    pid = ensure_period("Q", 2032, 2)
    c = login("s.hongbang", "P-HONGBANG")
    r = save(c, pid, {"v_NT-BCD-HOP": "3", "problems": "trước khi khóa"})
    check(r.status == 303, "draft before the lock: %d" % r.status)
    page = c.get(url(pid))
    before = submission("P-HONGBANG", pid)
    try:
        check(admin("period-lock", "Q", "2032", "2").returncode == 0, "period-lock failed")
        locked = c.get(url(pid))
        check(locked.status == 200, "GET a locked form: %d" % locked.status)
        check("Kỳ báo cáo đã khóa: không ai được sửa số liệu." in locked.text, "no locked notice")
        check('name="v_NT-BCD-HOP"' not in locked.text and 'id="btn-save"' not in locked.text,
              "a locked form is editable")
        for action in ("save", "submit"):
            # posted from the page loaded before the lock
            r = save(c, pid, complete_values(page, **{"v_NT-BCD-HOP": "8"}), page=page, action=action)
            check(r.status == 403, "%s in a locked period: %d" % (action, r.status))
            check("Kỳ báo cáo đã khóa, không thể sửa số liệu." in r.text, "no period-locked message")
        home = c.get("/report/")
        check(re.search(r"Quý 2/2032</th>.*?đã khóa", home.text, re.S), "the list does not say locked")
        check(submission("P-HONGBANG", pid) == before, "a locked period's submission changed")
        check(figure("P-HONGBANG", pid, "NT-BCD-HOP")[0] == "3.000000", "a locked period's figure changed")
        # closed (not locked): refused too, with its own message
        admin("period-unlock", "Q", "2032", "2")
        admin("period-close", "Q", "2032", "2")
        r = save(c, pid, {"v_NT-BCD-HOP": "8"}, page=page)
        check(r.status == 403 and "Kỳ báo cáo chưa mở hoặc đã đóng." in r.text, "closed period: %d" % r.status)
        check(submission("P-HONGBANG", pid) == before, "a closed period's submission changed")
    finally:
        admin("period-unlock", "Q", "2032", "2")
        admin("period-open", "Q", "2032", "2")
    # open again: the same post goes through, so the refusals were the lock's
    r = save(c, pid, {"v_NT-BCD-HOP": "8"}, page=page)
    check(r.status == 303, "after reopening: %d" % r.status)


# ---- concurrent saves ----

@test
def concurrent_save_second_writer_gets_409():
    pid = ensure_period("Q", 2032, 3)
    a = login("s.hongbang", "P-HONGBANG")
    b = login("s.hongbang2", "P-HONGBANG")
    r = save(a, pid, {"v_NT-BCD-HOP": "1"})
    check(r.status == 303, "first draft: %d" % r.status)
    pa = a.get(url(pid))
    pb = b.get(url(pid))
    check(pa.field("version") == pb.field("version"), "the two loaded different versions")
    sub = submission("P-HONGBANG", pid)
    r = save(a, pid, {"v_NT-BCD-HOP": "2", "v_DVC-TOTAL": "20"}, page=pa)
    check(r.status == 303, "first writer: %d" % r.status)
    audits = audit_count("entity = 'figure' AND entity_id LIKE '%s:%%'" % sub[0])
    r = save(b, pid, {"v_NT-BCD-HOP": "5", "v_DOC-TOTAL": "55", "problems": "của người thứ hai"}, page=pb)
    check(r.status == 409, "second writer: %d" % r.status)
    check('id="conflict"' in r.text, "no conflict message")
    check(r.field("v_NT-BCD-HOP") == "5" and r.field("v_DOC-TOTAL") == "55", "the second writer's input lost")
    check(figure("P-HONGBANG", pid, "NT-BCD-HOP")[0] == "2.000000", "the second writer overwrote a value")
    check(figure("P-HONGBANG", pid, "DOC-TOTAL") is None, "the second writer added a value")
    check(figure("P-HONGBANG", pid, "DVC-TOTAL")[0] == "20.000000", "the first writer's value lost")
    after = submission("P-HONGBANG", pid)
    check(after[3] != "của người thứ hai" and int(after[2]) == int(sub[2]) + 1, "submission: %r" % (after,))
    check(audit_count("entity = 'figure' AND entity_id LIKE '%s:%%'" % sub[0]) == audits,
          "the refused save wrote audit rows")


@test
def racing_saves_exactly_one_wins():
    pid = ensure_period("Q", 2032, 3)
    a = login("s.hongbang", "P-HONGBANG")
    for round_ in range(2):  # first without a submission (insert race), then with one (update race)
        page = a.get(url(pid))
        results = {}
        base = 100 * (round_ + 1)

        def post(i):
            c = Client()
            c.cookies = dict(a.cookies)
            results[i] = save(c, pid, {"v_NL-TAPHUAN": str(base + i)}, page=page).status

        threads = [threading.Thread(target=post, args=(i,)) for i in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        won = [i for i, s in results.items() if s == 303]
        check(len(won) == 1, "round %d: %d winners: %r" % (round_, len(won), results))
        check(all(s in (303, 409) for s in results.values()), "round %d: statuses %r" % (round_, results))
        val = figure("P-HONGBANG", pid, "NL-TAPHUAN")[0]
        check(val == "%d.000000" % (base + won[0]), "stored %s, winner posted %d" % (val, base + won[0]))
        sub = submission("P-HONGBANG", pid)
        n = audit_count("entity = 'figure' AND entity_id = '%s:NL-TAPHUAN' AND new_value = '%d'"
                        % (sub[0], base + won[0]))
        check(n == 1, "audit rows for the winning value: %d" % n)
        total = audit_count("entity = 'figure' AND entity_id = '%s:NL-TAPHUAN'" % sub[0])
        check(total == round_ + 1, "audit rows after round %d: %d" % (round_, total))


# ---- audit ----

@test
def every_changed_value_writes_one_audit_row():
    pid = ensure_period("Q", 2032, 4)
    uid = ensure_user("s.hongbang", "P-HONGBANG", password=PW)
    c = Client().login_ok("s.hongbang", PW)
    r = save(c, pid, {"v_NT-BCD-HOP": "3", "v_HT-BANGTHONG": "12,50", "v_HT-CLOUD": "1",
                      "na_DVC-TT": "1", "n_DVC-TT": "Chưa có dịch vụ"})
    check(r.status == 303, "first save: %d" % r.status)
    sub = submission("P-HONGBANG", pid)
    fig = "entity = 'figure' AND entity_id LIKE '%s:%%'" % sub[0]
    rows = sql("SELECT entity_id, COALESCE(old_value, 'NULL'), new_value, actor_id, actor_unit_id, request_id "
               "FROM audit WHERE %s ORDER BY entity_id" % fig)
    check(len(rows) == 4, "4 values set, %d audit rows" % len(rows))
    got = {r_[0].split(":", 1)[1]: r_[1:3] for r_ in rows}
    check(got == {"NT-BCD-HOP": ["NULL", "3"], "HT-BANGTHONG": ["NULL", "12.5"], "HT-CLOUD": ["NULL", "1"],
                  "DVC-TT": ["NULL", "n/a"]}, "audit values: %r" % got)
    check({(r_[3], r_[4]) for r_ in rows} == {(str(uid), str(unit_id("P-HONGBANG")))}, "audit actor: %r" % rows)
    # one request: the figures' rows and the save's own row share its id
    reqs = {r_[5] for r_ in rows}
    check(len(reqs) == 1, "one save, several request ids: %r" % reqs)
    check(audit_count("action = 'save_draft' AND entity = 'submission' AND entity_id = '%s' "
                      "AND request_id = '%s'" % (sub[0], reqs.pop())) == 1, "no save_draft row for the save")
    # saving the same values (typed differently) changes nothing: no figure rows
    r = save(c, pid, {"v_NT-BCD-HOP": " 03 ", "v_HT-BANGTHONG": "12.50", "v_HT-CLOUD": "1",
                      "na_DVC-TT": "1", "n_DVC-TT": "Chưa có dịch vụ"})
    check(r.status == 303, "unchanged save: %d" % r.status)
    check(audit_count(fig) == 4, "an unchanged save wrote %d figure audit rows" % (audit_count(fig) - 4))
    check(audit_count("action = 'save_draft' AND entity_id = '%s'" % sub[0]) == 2, "the save itself not audited")
    # one value and one note changed: two rows, with the old values
    r = save(c, pid, {"v_NT-BCD-HOP": "4", "v_HT-BANGTHONG": "12,5", "v_HT-CLOUD": "1",
                      "n_HT-CLOUD": "thuê của VNPT", "na_DVC-TT": "1", "n_DVC-TT": "Chưa có dịch vụ"})
    check(r.status == 303, "third save: %d" % r.status)
    check(audit_count(fig) == 6, "2 changes, %d new audit rows" % (audit_count(fig) - 4))
    last = sql("SELECT old_value, new_value FROM audit WHERE entity = 'figure' AND entity_id = '%s:NT-BCD-HOP' "
               "ORDER BY id DESC LIMIT 1" % sub[0])
    check(last == [["3", "4"]], "old/new of the change: %r" % last)
    # clearing a value is a change too
    r = save(c, pid, {"v_NT-BCD-HOP": "", "v_HT-BANGTHONG": "12,5", "v_HT-CLOUD": "1",
                      "n_HT-CLOUD": "thuê của VNPT", "na_DVC-TT": "1", "n_DVC-TT": "Chưa có dịch vụ"})
    check(r.status == 303 and audit_count(fig) == 7, "clearing a value: %d rows" % (audit_count(fig) - 6))


@test
def audit_is_written_in_the_same_transaction_as_the_change():
    pid = ensure_period("Q", 2032, 4)
    c = login("s.hongbang", "P-HONGBANG")
    r = save(c, pid, {"v_NT-BCD-HOP": "3"})
    check(r.status == 303, "first save: %d" % r.status)
    before = submission("P-HONGBANG", pid)
    page = c.get(url(pid))
    # if the audit row cannot be written, the change must not be either
    sql("REVOKE INSERT ON egov.audit FROM 'egov_report'@'localhost'")
    try:
        r = save(c, pid, {"v_NT-BCD-HOP": "9", "problems": "không được lưu"}, page=page)
    finally:
        sql("GRANT INSERT ON egov.audit TO 'egov_report'@'localhost'")
    check(r.status == 500, "save without audit: %d" % r.status)
    check(submission("P-HONGBANG", pid) == before, "the submission changed without its audit row")
    check(figure("P-HONGBANG", pid, "NT-BCD-HOP")[0] == "3.000000", "a figure changed without its audit row")
    # the error page shows an id, the log has the details, the page does not
    m = re.search(r"Mã lỗi: <code>([0-9a-f]{16})</code>", r.text)
    check(m is not None, "no error id on the 500 page")
    check("denied" not in r.text and "egov_report" not in r.text and "INSERT" not in r.text,
          "database details on the error page")
    with open(os.path.join(VAR, "log", "egov.log"), encoding="utf-8", errors="replace") as f:
        check(m.group(1) in f.read(), "the error id is not in the log")
    # the grant is back: the same save goes through
    r = save(c, pid, {"v_NT-BCD-HOP": "9"}, page=page)
    check(r.status == 303 and figure("P-HONGBANG", pid, "NT-BCD-HOP")[0] == "9.000000", "save after: %d" % r.status)


# ---- database accounts ----

def denied(account, pw, query):
    ok, err = sql_as(account, pw, query)
    return (not ok) and ("denied" in err.lower()), err


@test
def program_accounts_cannot_rewrite_the_audit_trail():
    s = secrets()
    accounts = (("egov_report", s["REPORT_PW"]), ("egov_auth", s["AUTH_PW"]))
    n = sql("SELECT COUNT(*), MAX(id) FROM audit")[0]
    for account, pw in accounts:
        # the account works and may append
        ok, err = sql_as(account, pw, "INSERT INTO audit (at, action, entity, entity_id) "
                                      "VALUES (UTC_TIMESTAMP(3), 'grant_test', 'test', '%s')" % account)
        check(ok, "%s cannot even insert into audit: %s" % (account, err))
        for q in ("UPDATE audit SET action = 'x' WHERE id = %s" % n[1],
                  "UPDATE audit SET new_value = 'x'",
                  "DELETE FROM audit WHERE id = %s" % n[1],
                  "DELETE FROM audit",
                  "TRUNCATE TABLE audit",
                  "DROP TABLE audit",
                  "ALTER TABLE audit ADD COLUMN x INT",
                  "REPLACE INTO audit (id, at, action, entity, entity_id) VALUES (%s, UTC_TIMESTAMP(), 'x', 'x', 'x')" % n[1]):
            d, err = denied(account, pw, q)
            check(d, "%s may run %r: %s" % (account, q, err.strip()))
    after = sql("SELECT COUNT(*) FROM audit WHERE id <= %s" % n[1])[0][0]
    check(after == n[0], "audit rows changed: %s -> %s" % (n[0], after))


@test
def report_account_cannot_read_password_hashes():
    s = secrets()
    pw = s["REPORT_PW"]
    ok, err = sql_as("egov_report", pw, "SELECT id, login, roles FROM app_user LIMIT 1")
    check(ok, "egov_report cannot read app_user at all: %s" % err)
    for q in ("SELECT pw_hash FROM app_user", "SELECT * FROM app_user",
              "SELECT login FROM app_user WHERE pw_hash LIKE '$argon2id$%'",
              "UPDATE app_user SET roles = 'admin' WHERE login = 's.hongbang'",
              "UPDATE app_user SET failed_logins = 0",
              "INSERT INTO session (id_hash, user_id, csrf, created_at, last_seen) "
              "VALUES (REPEAT('a', 32), 1, 'x', NOW(), NOW())",
              "DELETE FROM figure", "DELETE FROM submission"):
        d, err = denied("egov_report", pw, q)
        check(d, "egov_report may run %r: %s" % (q, err.strip()))
    # the auth account does not touch the officers' data
    for q in ("SELECT * FROM figure", "UPDATE submission SET status = 'accepted'",
              "UPDATE app_user SET roles = 'admin'", "UPDATE app_user SET pw_hash = 'x'"):
        d, err = denied("egov_auth", s["AUTH_PW"], q)
        check(d, "egov_auth may run %r: %s" % (q, err.strip()))


run()
