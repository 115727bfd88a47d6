"""Built-in login: success and failure, lock-out, logout, cookies, stored
session ids, timeouts, security headers and where "/" leads.

Own users (unit P-LECHAN and none); no periods."""

import hashlib
import re

from egov import (Client, admin, check, ensure_user, run, sql, test)

PW = "password123"
BAD_LOGIN = "Tên đăng nhập hoặc mật khẩu không đúng."
LOCKED = "Tài khoản tạm khóa do đăng nhập sai nhiều lần"
MISSING = "Nhập tên đăng nhập và mật khẩu."
CSRF_MSG = "Phiên làm việc của biểu mẫu đã hết hạn hoặc không hợp lệ"


def sid_cookie(resp):
    for sc in resp.headers_all("Set-Cookie"):
        if sc.startswith("egov_sid="):
            return sc
    return None


def sessions_of(uid):
    return int(sql("SELECT COUNT(*) FROM session WHERE user_id = %d" % uid)[0][0])


@test
def login_success_sets_session_and_leads_to_report():
    uid = ensure_user("t.auth.ok", "P-LECHAN", password=PW)
    c = Client()
    page = c.get("/login")
    check(page.status == 200, "GET /login: %d" % page.status)
    check(page.csrf() is not None, "the login form has no csrf token")
    r = c.post("/login", {"csrf": page.csrf(), "login": "t.auth.ok", "password": PW})
    check(r.status == 303, "login: %d" % r.status)
    check(r.header("Location") == "/", "login goes to %r" % r.header("Location"))
    check(sid_cookie(r) is not None, "no session cookie set")
    check(sessions_of(uid) == 1, "sessions after login: %d" % sessions_of(uid))
    home = c.get("/")
    check(home.status == 303 and home.header("Location") == "/report/",
          "/ for an officer: %d %r" % (home.status, home.header("Location")))
    rep = c.get("/report/")
    check(rep.status == 200, "/report/: %d" % rep.status)
    check("UBND phường Lê Chân" in rep.text, "the officer's unit is not shown")
    check("t.auth.ok" in rep.text, "the user's name is not shown")
    rows = sql("SELECT COUNT(*) FROM audit WHERE action = 'login' AND actor_id = %d" % uid)
    check(int(rows[0][0]) >= 1, "no audit row for the login")


@test
def wrong_password_and_unknown_login_give_the_same_message():
    uid = ensure_user("t.auth.wrong", "P-LECHAN", password=PW)
    c = Client()
    r = c.login("t.auth.wrong", "not-the-password")
    check(r.status == 401, "wrong password: %d" % r.status)
    check(BAD_LOGIN in r.text, "wrong-password message missing")
    check(sid_cookie(r) is None, "a session cookie was set on a failed login")
    check("egov_sid" not in c.cookies, "client holds a session cookie")
    check(r.field("login") == "t.auth.wrong", "typed login not kept: %r" % r.field("login"))
    check(r.field("password") is None or r.field("password") == "",
          "the password is echoed back into the page")
    check(sessions_of(uid) == 0, "a session row was created on a failed login")
    u = Client().login("t.auth.no-such-user", "whatever-pass")
    check(u.status == 401 and BAD_LOGIN in u.text, "unknown login: %d" % u.status)
    # the two answers must not tell a known login from an unknown one
    check(LOCKED not in u.text, "unknown login says 'locked'")
    e = Client().login("", "")
    check(e.status == 401 and MISSING in e.text, "empty login: %d" % e.status)
    # the protected pages stay closed
    check(c.get("/report/").status == 303, "report reachable after a failed login")


@test
def lockout_after_five_failures():
    uid = ensure_user("t.auth.lock", "P-LECHAN", password=PW)
    c = Client()
    for i in range(5):
        r = c.login("t.auth.lock", "wrong-%d-password" % i)
        check(r.status == 401 and BAD_LOGIN in r.text, "failure %d: %d" % (i + 1, r.status))
    row = sql("SELECT locked_until > UTC_TIMESTAMP(), failed_logins FROM app_user WHERE id = %d" % uid)
    check(row[0][0] == "1", "not locked after 5 failures: %r" % row)
    # even the right password is refused while locked, with its own message
    r = c.login("t.auth.lock", PW)
    check(r.status == 401, "correct password while locked: %d" % r.status)
    check(LOCKED in r.text, "lock-out message missing")
    check(sid_cookie(r) is None and sessions_of(uid) == 0, "a session was opened while locked")
    n = sql("SELECT COUNT(*) FROM audit WHERE action = 'login_locked' AND entity_id = '%d'" % uid)
    check(int(n[0][0]) >= 1, "no audit row for the refused login")
    # the lock is the only reason: once it expires the password works again
    sql("UPDATE app_user SET locked_until = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE id = %d" % uid)
    Client().login_ok("t.auth.lock", PW)


@test
def four_failures_then_success_resets_the_counter():
    ensure_user("t.auth.reset", "P-LECHAN", password=PW)
    c = Client()
    for _ in range(4):
        check(c.login("t.auth.reset", "bad-password").status == 401, "failure refused")
    Client().login_ok("t.auth.reset", PW)
    for _ in range(4):
        check(c.login("t.auth.reset", "bad-password").status == 401, "failure refused")
    # 8 failures in all, but never 5 in a row: not locked
    Client().login_ok("t.auth.reset", PW)


@test
def logout_invalidates_the_session_server_side():
    uid = ensure_user("t.auth.out", "P-LECHAN", password=PW)
    c = Client().login_ok("t.auth.out", PW)
    old = dict(c.cookies)
    check("egov_sid" in old, "no session cookie")
    tok = c.token()
    # logout needs the CSRF token too
    r = c.post("/logout", {"csrf": "0" * 64})
    check(r.status == 403, "logout with a wrong token: %d" % r.status)
    check(c.get("/report/").status == 200, "session lost by a refused logout")
    r = c.post("/logout", {"csrf": tok})
    check(r.status == 303 and r.header("Location") == "/login", "logout: %d %r" % (r.status, r.header("Location")))
    sc = sid_cookie(r)
    check(sc is not None and "Max-Age=0" in sc, "logout does not clear the cookie: %r" % sc)
    check(sessions_of(uid) == 0, "session row still there after logout")
    # a copy of the old cookie (say, stolen before logout) no longer works
    thief = Client()
    thief.cookies = old
    r = thief.get("/report/")
    check(r.status == 303 and r.header("Location") == "/login", "old cookie still works: %d" % r.status)
    r = thief.get("/")
    check(r.status == 303 and r.header("Location") == "/login", "old cookie on /: %d" % r.status)


@test
def session_cookie_attributes():
    ensure_user("t.auth.cookie", "P-LECHAN", password=PW)
    c = Client()
    r = c.login("t.auth.cookie", PW)
    sc = sid_cookie(r)
    check(sc is not None, "no session cookie")
    attrs = [a.strip() for a in sc.split(";")]
    value = attrs[0].split("=", 1)[1]
    check("HttpOnly" in attrs, "session cookie lacks HttpOnly: %s" % sc)
    check("SameSite=Strict" in attrs, "session cookie lacks SameSite=Strict: %s" % sc)
    check("Path=/" in attrs, "session cookie lacks Path=/: %s" % sc)
    check(re.fullmatch(r"[0-9a-f]{64}", value) is not None, "session id is not 256 random bits in hex")
    # the pre-login cookie that carries the login form's token is HttpOnly too
    pre = [h for h in Client().get("/login").headers_all("Set-Cookie") if h.startswith("egov_pre=")]
    check(pre and "HttpOnly" in pre[0] and "SameSite=Strict" in pre[0], "pre-login cookie: %r" % pre)
    # two logins give two different ids
    other = sid_cookie(Client().login("t.auth.cookie", PW))
    check(other is not None and other.split(";")[0] != attrs[0], "session id reused")


@test
def session_id_is_stored_hashed():
    uid = ensure_user("t.auth.hash", "P-LECHAN", password=PW)
    c = Client().login_ok("t.auth.hash", PW)
    sid = c.cookies["egov_sid"]
    rows = sql("SELECT HEX(id_hash), csrf FROM session WHERE user_id = %d" % uid)
    check(len(rows) == 1, "expected one session row, got %d" % len(rows))
    stored, csrf = rows[0]
    check(stored.lower() != sid.lower(), "the cookie value is stored as is")
    check(stored.lower() == hashlib.sha256(sid.encode()).hexdigest(), "id_hash is not SHA-256 of the cookie")
    check(csrf != sid, "csrf token equals the session id")
    n = sql("SELECT COUNT(*) FROM session WHERE HEX(id_hash) = UPPER('%s') OR csrf = '%s'" % (sid, sid))
    check(n[0][0] == "0", "the raw session id appears in the session table")


@test
def idle_and_absolute_timeouts():
    uid = ensure_user("t.auth.idle", "P-LECHAN", password=PW)
    c = Client().login_ok("t.auth.idle", PW)
    check(c.get("/report/").status == 200, "fresh session refused")
    sql("UPDATE session SET last_seen = last_seen - INTERVAL 2 HOUR WHERE user_id = %d" % uid)
    r = c.get("/report/")
    check(r.status == 303 and r.header("Location") == "/login", "idle session still accepted: %d" % r.status)
    # the absolute limit (12 h) holds even for a session in use
    c2 = Client().login_ok("t.auth.idle", PW)
    check(c2.get("/report/").status == 200, "fresh session refused")
    sql("UPDATE session SET created_at = created_at - INTERVAL 13 HOUR WHERE user_id = %d" % uid)
    r = c2.get("/report/")
    check(r.status == 303 and r.header("Location") == "/login", "13-hour-old session accepted: %d" % r.status)


@test
def disabled_user_loses_access():
    ensure_user("t.auth.off", "P-LECHAN", password=PW)
    c = Client().login_ok("t.auth.off", PW)
    try:
        r = admin("user-disable", "t.auth.off")
        check(r.returncode == 0, "user-disable: %s" % r.stderr)
        check(c.get("/report/").status == 303, "a disabled user's session still works")
        r = Client().login("t.auth.off", PW)
        check(r.status == 401 and BAD_LOGIN in r.text, "a disabled user can log in: %d" % r.status)
    finally:
        admin("user-enable", "t.auth.off")


def check_security_headers(r, what):
    csp = r.header("Content-Security-Policy")
    check(csp is not None, "%s: no CSP" % what)
    check("unsafe-inline" not in csp and "unsafe-eval" not in csp, "%s: CSP allows inline: %s" % (what, csp))
    check("frame-ancestors 'none'" in csp, "%s: CSP lacks frame-ancestors 'none'" % what)
    check("default-src 'none'" in csp or "default-src 'self'" in csp, "%s: CSP without default-src" % what)
    check((r.header("X-Content-Type-Options") or "").lower() == "nosniff", "%s: no nosniff" % what)
    rp = r.header("Referrer-Policy")
    check(rp in ("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"),
          "%s: Referrer-Policy %r" % (what, rp))
    check("no-store" in (r.header("Cache-Control") or ""), "%s: Cache-Control %r" % (what, r.header("Cache-Control")))
    check(r.header("X-Powered-By") is None, "%s: X-Powered-By sent" % what)
    check(not re.search(r"\d", r.header("Server") or ""), "%s: server version shown: %r" % (what, r.header("Server")))


@test
def security_headers_on_pages():
    ensure_user("t.auth.hdr", "P-LECHAN", password=PW)
    anon = Client()
    check_security_headers(anon.get("/login"), "GET /login")
    check_security_headers(anon.login("t.auth.hdr", "wrong-password"), "failed login")
    c = Client().login_ok("t.auth.hdr", PW)
    r = c.get("/report/")
    check(r.status == 200, "/report/: %d" % r.status)
    check_security_headers(r, "GET /report/")
    pid = sql("SELECT id FROM period WHERE is_open = 1 ORDER BY id LIMIT 1")[0][0]
    r = c.get("/report/form?period=%s" % pid)
    check(r.status == 200, "form: %d" % r.status)
    check_security_headers(r, "GET /report/form")
    check("<script" not in r.text.lower() and " onclick=" not in r.text.lower(),
          "inline script in the form page")
    check_security_headers(c.get("/report/no-such-page"), "404 page")
    check_security_headers(c.post("/report/form?period=%s" % pid, {"csrf": "x"}), "403 page")


@test
def home_leads_each_user_to_their_work():
    anon = Client().get("/")
    check(anon.status == 303 and anon.header("Location") == "/login", "anonymous /: %d" % anon.status)
    for path in ("/report/", "/report/form?period=1"):
        r = Client().get(path)
        check(r.status == 303 and r.header("Location") == "/login", "anonymous %s: %d %r" % (path, r.status, r.header("Location")))
        check(r.body == b"", "a redirect carries a body")
    ensure_user("t.auth.deputy", "-", roles="deputy", password=PW)
    d = Client().login_ok("t.auth.deputy", PW)
    r = d.get("/")
    # the committee's head and deputies read the dashboard
    check(r.status == 303 and r.header("Location") == "/dashboard/", "/ for a deputy: %d %r"
          % (r.status, r.header("Location")))
    # a deputy is no officer: the officers' program refuses them
    r = d.get("/report/")
    check(r.status == 403, "/report/ for a deputy: %d" % r.status)
    # the working group goes to its own program
    ensure_user("t.auth.wg", "S-KHCN", roles="wg", password=PW)
    w = Client().login_ok("t.auth.wg", PW)
    r = w.get("/")
    check(r.status == 303 and r.header("Location") == "/review/", "/ for the working group: %d %r"
          % (r.status, r.header("Location")))
    check(w.get("/review/").status == 200, "/review/ for the working group")
    # an officer who is already logged in is sent on from /login
    ensure_user("t.auth.home", "P-LECHAN", password=PW)
    o = Client().login_ok("t.auth.home", PW)
    r = o.get("/login")
    check(r.status == 303 and r.header("Location") == "/", "/login when logged in: %d" % r.status)


@test
def login_form_needs_its_csrf_token():
    uid = ensure_user("t.auth.csrf", "P-LECHAN", password=PW)
    c = Client()
    c.get("/login")
    r = c.post("/login", {"login": "t.auth.csrf", "password": PW})
    check(r.status == 403 and CSRF_MSG in r.text, "login without token: %d" % r.status)
    r = c.post("/login", {"csrf": "ab" * 32, "login": "t.auth.csrf", "password": PW})
    check(r.status == 403, "login with a wrong token: %d" % r.status)
    # a token from another browser's pre-login cookie does not fit this one
    other = Client().get("/login").csrf()
    r = c.post("/login", {"csrf": other, "login": "t.auth.csrf", "password": PW})
    check(r.status == 403, "login with another browser's token: %d" % r.status)
    check(sessions_of(uid) == 0, "a session was created without a valid token")


run()
