"""Reads kept in the workers (cgi/lib/gen.h, pagecache.h): a session checked
lately and the dashboard's pages as rendered for it.  Shown here: a repeated
dashboard page costs no statement (a download is never kept); a logout, a
disabled account or a change made through any program reaches the very next
request; sessions never see each other's pages; SQL typed by hand is seen
after `egov-admin cache-flush`, or after cache_seconds at the latest.

Own users t.cache.*, own unit TEST-CACHE and directions TCACHE-*."""

import datetime
import time
from zoneinfo import ZoneInfo

from egov import VAR, Client, admin, check, ensure_period, ensure_user, run, sql, test

PW = "password123"
PAGE = "/dashboard/"


def hanoi_today():
    return datetime.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()


def one(query):
    rows = sql(query)
    return rows[0][0] if rows else None


def executed():
    # the programs run prepared statements only
    return int(sql("SHOW GLOBAL STATUS LIKE 'Com_stmt_execute'")[0][1])


def login(user, roles="deputy", name=None):
    ensure_user(user, "-", roles=roles, password=PW, name=name)
    return Client().login_ok(user, PW)


def load(c, path=PAGE):
    r = c.get(path)
    check(r.status == 200, "GET %s: %d" % (path, r.status))
    return r.text


def raw_sql(query):
    """SQL by hand, as an administrator would type it: the generation stays."""
    sql(query, move_generation=False)


def cache_seconds():
    with open("%s/egov.conf" % VAR) as f:
        for line in f:
            k, _, v = line.partition("=")
            if k.strip() == "cache_seconds":
                return int(v)
    return 10


def setup():
    sql("INSERT IGNORE INTO unit (code, name, kind, valid_from) "
        "VALUES ('TEST-CACHE', 'Đơn vị thử bộ đệm', 'other', '2090-01-01')")
    ids = "SELECT id FROM direction WHERE code LIKE 'TCACHE-%'"
    sql("DELETE FROM direction_progress WHERE direction_id IN (%s)" % ids)
    sql("DELETE FROM direction_unit WHERE direction_id IN (%s)" % ids)
    sql("DELETE FROM direction WHERE code LIKE 'TCACHE-%'")


def overdue_direction(code):
    """Overdue since yesterday in Hanoi, owned by TEST-CACHE; returns the id."""
    head = int(one("SELECT id FROM app_user WHERE login = 't.cache.head'") or
               ensure_user("t.cache.head", "-", roles="head", password=PW))
    deadline = hanoi_today() - datetime.timedelta(days=1)
    sql("INSERT INTO direction (code, body, source_doc, given_by, given_on, deadline, status, created_by, "
        "created_at) VALUES ('%s', 'Việc thử %s', 'Công văn thử', %d, '%s', '%s', 'new', %d, UTC_TIMESTAMP())"
        % (code, code, head, deadline - datetime.timedelta(days=30), deadline, head))
    did = int(one("SELECT id FROM direction WHERE code = '%s'" % code))
    sql("INSERT INTO direction_unit SELECT %d, id FROM unit WHERE code = 'TEST-CACHE'" % did)
    return did


@test
def repeated_dashboard_pages_cost_no_statement():
    c = login("t.cache.deputy")
    ind = one("SELECT MIN(id) FROM indicator")
    for path in (PAGE, "/dashboard/ranking", "/dashboard/timeliness", "/dashboard/indicator?id=%s" % ind):
        first = load(c, path)
        # each worker renders the page once and keeps it; a round of loads
        # that runs no statement at all shows every worker serving it from
        # memory
        rounds = []
        for _ in range(8):
            before = executed()
            pages = [load(c, path) for _ in range(5)]
            rounds.append(executed() - before)
            check(all(p == first for p in pages), "%s: a kept page differs from the rendered one" % path)
            if rounds[-1] == 0:
                break
        check(rounds[-1] == 0, "%s: every load still runs statements: %r" % (path, rounds))
    # a download is not kept: it asks the database every time (the session
    # alone comes from memory)
    path = "/dashboard/csv?table=ranking"
    check(c.get(path).status == 200, "csv download")
    before = executed()
    r = c.get(path)
    check(r.status == 200 and "text/csv" in (r.header("Content-Type") or ""), "csv: %d" % r.status)
    check(executed() > before, "a download ran no statement")


@test
def a_logout_reaches_a_kept_session_at_once():
    c = login("t.cache.out")
    for _ in range(6):
        load(c)
    old = dict(c.cookies)
    r = c.post("/logout", {"csrf": c.token(PAGE)})
    check(r.status == 303 and r.header("Location") == "/login", "logout: %d" % r.status)
    thief = Client()
    thief.cookies = old
    for _ in range(6):
        r = thief.get(PAGE)
        check(r.status == 303 and r.header("Location") == "/login",
              "the old cookie still opens the overview: %d" % r.status)


@test
def a_disabled_account_is_refused_at_once():
    c = login("t.cache.off")
    for _ in range(6):
        load(c)
    p = admin("user-disable", "t.cache.off")
    check(p.returncode == 0, "user-disable: %s" % p.stderr)
    try:
        for _ in range(6):
            r = c.get(PAGE)
            check(r.status == 303, "a disabled account still reads the overview: %d" % r.status)
    finally:
        admin("user-enable", "t.cache.off")


@test
def a_change_through_another_program_shows_at_once():
    setup()
    did = overdue_direction("TCACHE-1")
    # every set-up first: the fixtures' own SQL moves the generation too
    wg = login("t.cache.wg", roles="wg")
    tok = wg.token("/review/directions")
    c = login("t.cache.deputy")
    for _ in range(6):
        check("TCACHE-1" in load(c), "the overdue direction is not on the overview")
    # the working group drops it on its own pages (egov-review, another program)
    r = wg.post("/review/direction-state", {"csrf": tok, "id": did, "version": 1,
                                            "action": "drop", "note": "thử bộ đệm"})
    check(r.status == 303, "drop: %d %s" % (r.status, r.text[:200]))
    for _ in range(6):
        check("TCACHE-1" not in load(c), "the dropped direction is still on the overview")


@test
def a_colleagues_save_reaches_a_kept_form_at_once():
    pid = ensure_period("Q", 2033, 2)
    path = "/report/form?period=%d" % pid
    ensure_user("t.cache.offa", "P-LECHAN", password=PW)
    ensure_user("t.cache.offb", "P-LECHAN", password=PW)
    a = Client().login_ok("t.cache.offa", PW)
    b = Client().login_ok("t.cache.offb", PW)
    page = b.get(path)
    check(page.status == 200, "form: %d" % page.status)
    for _ in range(6):
        check(a.get(path).field("v_NT-BCD-HOP") == "", "a value before anyone saved")
    r = b.post(path, {"csrf": page.csrf(), "version": page.field("version"), "action": "save",
                      "v_NT-BCD-HOP": "7"})
    check(r.status == 303, "the colleague's save: %d" % r.status)
    version = one("SELECT s.version FROM submission s JOIN unit u ON u.id = s.unit_id "
                  "WHERE s.period_id = %d AND u.code = 'P-LECHAN'" % pid)
    for _ in range(6):
        got = a.get(path)
        check(got.field("v_NT-BCD-HOP") == "7", "a kept form hides the colleague's save: %r"
              % got.field("v_NT-BCD-HOP"))
        check(got.field("version") == version, "the form's version %r, stored %r" % (got.field("version"), version))


@test
def sessions_never_see_each_others_pages():
    a = login("t.cache.a", name="Phó Trưởng ban Thử A")
    b = login("t.cache.b", name="Phó Trưởng ban Thử B")
    for _ in range(4):
        pa, pb = load(a), load(b)
        check("Thử A" in pa and "Thử B" not in pa, "A's overview names someone else")
        check("Thử B" in pb and "Thử A" not in pb, "B's overview names someone else")
    ta, tb = a.token(PAGE), b.token(PAGE)
    check(ta and tb and ta != tb, "the two sessions share a CSRF token")
    # the language is part of what is kept
    a.cookies["lang"] = "en"
    check('<html lang="en">' in load(a), "the English overview came back in Vietnamese")
    a.cookies["lang"] = "vi"
    check('<html lang="vi">' in load(a), "the Vietnamese overview came back in English")


@test
def sql_by_hand_is_seen_after_a_flush_or_cache_seconds():
    setup()
    overdue_direction("TCACHE-2")
    c = login("t.cache.deputy")
    for _ in range(6):
        load(c)
    raw_sql("UPDATE direction SET body = 'Đã sửa tay một' WHERE code = 'TCACHE-2'")
    p = admin("cache-flush")
    check(p.returncode == 0, "cache-flush: %s" % p.stderr)
    for _ in range(6):
        check("Đã sửa tay một" in load(c), "a flushed worker served the old page")
    raw_sql("UPDATE direction SET body = 'Đã sửa tay hai' WHERE code = 'TCACHE-2'")
    limit = time.monotonic() + cache_seconds() + 3
    seen = 0
    while time.monotonic() < limit and seen < 6:
        seen = seen + 1 if "Đã sửa tay hai" in load(c) else 0
        time.sleep(0.2)
    check(seen == 6, "SQL by hand not seen after cache_seconds (%d s)" % cache_seconds())


run()
