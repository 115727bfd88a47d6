"""MariaDB restarted under running workers: 503 with a Vietnamese page and
Retry-After while it is down, then recovery without restarting the workers,
and nothing half-written.

Own user d.hongbang (unit P-HONGBANG); own period in 2035."""

import os
import subprocess
import time

from egov import (ROOT, VAR, Client, check, ensure_period, ensure_user, run, sql, test)

STACK = os.path.basename(os.path.normpath(VAR))
DB_DOWN = "Hệ thống đang tạm gián đoạn kết nối cơ sở dữ liệu"
PW = "password123"


def stack(cmd):
    r = subprocess.run(["sh", os.path.join(ROOT, "scripts", "stack.sh"), cmd, STACK],
                       capture_output=True, text=True, timeout=60)
    check(r.returncode == 0, "stack.sh %s %s: %s" % (cmd, STACK, r.stderr.strip()))


def wait_for(fn, seconds=15):
    """Polls fn() until it returns true; returns the seconds it took or None."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if fn():
            return time.monotonic() - start
        time.sleep(0.2)
    return None


def check_db_down_page(r, what):
    check(r.status == 503, "%s with the database down: %d" % (what, r.status))
    check(DB_DOWN in r.text, "%s: the 503 page is not the Vietnamese db-down page" % what)
    ra = r.header("Retry-After")
    check(ra is not None and ra.isdigit() and 0 < int(ra) <= 300, "%s: Retry-After %r" % (what, ra))
    check("no-store" in (r.header("Cache-Control") or ""), "%s: 503 page may be cached" % what)
    check("Mã lỗi" in r.text, "%s: no error id on the 503 page" % what)
    for word in ("mysql", "MariaDB", "socket", "Can't connect"):
        check(word not in r.text, "%s: the page shows %r" % (what, word))


@test
def database_restart_gives_503_then_recovers():
    pid = ensure_period("Q", 2035, 1)
    ensure_user("d.hongbang", "P-HONGBANG", password=PW)
    c = Client().login_ok("d.hongbang", PW)
    page = c.get("/report/form?period=%d" % pid)
    check(page.status == 200, "form before the restart: %d" % page.status)
    stack("stop-db")
    try:
        # both workers of each program, whatever state their connection is in
        for _ in range(4):
            check_db_down_page(c.get("/report/"), "GET /report/")
        check_db_down_page(c.get("/report/form?period=%d" % pid), "GET /report/form")
        check_db_down_page(c.post("/report/form?period=%d" % pid,
                                  {"csrf": page.csrf(), "version": "0", "action": "save",
                                   "v_NT-BCD-HOP": "4"}), "POST /report/form")
        # the empty login form needs no database; a login attempt does
        anon = Client()
        lp = anon.get("/login")
        check(lp.status in (200, 503), "GET /login with the database down: %d" % lp.status)
        if lp.status == 200:
            r = anon.post("/login", {"csrf": lp.csrf(), "login": "d.hongbang", "password": PW})
            check_db_down_page(r, "POST /login")
            check("egov_sid" not in anon.cookies, "logged in with the database down")
        check_db_down_page(c.get("/"), "GET /")
        # the workers stay up and answer fast, not after a long connect timeout
        t = time.monotonic()
        c.get("/report/")
        check(time.monotonic() - t < 5, "a request took %.1f s with the database down" % (time.monotonic() - t))
    finally:
        stack("start-db")
    took = wait_for(lambda: c.get("/report/").status == 200)
    check(took is not None, "no 200 within 15 s of the database coming back")
    # every worker is back once its back-off has passed: several 200s in a row
    took = wait_for(lambda: all(c.get("/report/").status == 200 for _ in range(6)),
                    seconds=15 - min(took, 14))
    check(took is not None, "some worker still answers 503 15 s after the database came back")
    for _ in range(6):
        r = c.get("/report/form?period=%d" % pid)
        check(r.status == 200, "after recovery: %d" % r.status)
    check(wait_for(lambda: Client().get("/login").status == 200) is not None, "the login program did not recover")
    # the POST sent while the database was down stored nothing
    check(sql("SELECT COUNT(*) FROM submission WHERE period_id = %d" % pid)[0][0] == "0",
          "a submission from the POST made while the database was down")
    # writes work again (statements re-prepared after the reconnect)
    page = c.get("/report/form?period=%d" % pid)
    r = c.post("/report/form?period=%d" % pid, {"csrf": page.csrf(), "version": page.field("version"),
                                               "action": "save", "v_NT-BCD-HOP": "4"})
    check(r.status == 303, "save after recovery: %d" % r.status)
    Client().login_ok("d.hongbang", PW)


run()
