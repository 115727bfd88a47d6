"""build/egov-report run as a plain CGI program (no FastCGI server), with the
web server's REMOTE_USER trusted (auth = remote_user) or not (built-in login),
and under valgrind's leak check.

Uses a copy of the stack's egov.conf; own user c.noivu (unit S-NOIVU); own
period in 2034."""

import os
import re
import shutil
import subprocess
import tempfile

from egov import (ROOT, VAR, check, ensure_period, ensure_user, run, sql, test)

BINARY = os.path.join(ROOT, "build", "egov-report")
USER = "c.noivu"
_confs = {}


def conf(mode):
    """A copy of the stack's config with auth = mode (the last line wins)."""
    if mode not in _confs:
        d = tempfile.mkdtemp(prefix="egov-cgi-")
        path = os.path.join(d, "egov.conf")
        shutil.copy(os.path.join(VAR, "egov.conf"), path)
        with open(path, "a") as f:
            f.write("\nauth = %s\n" % mode)
        _confs[mode] = path
    return _confs[mode]


class CgiResponse:
    def __init__(self, proc):
        self.rc = proc.returncode
        self.stderr = proc.stderr.decode("utf-8", "replace")
        head, sep, body = proc.stdout.partition(b"\r\n\r\n")
        check(sep, "no header/body separator in the CGI output: %r" % proc.stdout[:200])
        self.headers = {}
        for line in head.decode("latin-1").split("\r\n"):
            k, _, v = line.partition(":")
            self.headers.setdefault(k.strip().lower(), []).append(v.strip())
        self.status_line = self.headers.get("status", [""])[0]
        self.status = int(self.status_line.split()[0]) if self.status_line else 0
        self.body = body
        self.text = body.decode("utf-8", "replace")

    def header(self, name):
        v = self.headers.get(name.lower())
        return v[0] if v else None

    def csrf(self):
        m = re.search(r'name="csrf" value="([0-9a-f]+)"', self.text)
        return m.group(1) if m else None


def cgi(method, uri, mode="remote_user", env=None, body=b"", valgrind=False, binary=BINARY):
    path, _, qs = uri.partition("?")
    e = {"PATH": "/usr/bin:/bin", "EGOV_CONFIG": conf(mode), "REQUEST_METHOD": method,
         "REQUEST_URI": uri, "QUERY_STRING": qs, "SCRIPT_NAME": "", "SERVER_PROTOCOL": "HTTP/1.1",
         "GATEWAY_INTERFACE": "CGI/1.1", "SERVER_NAME": "localhost", "REMOTE_ADDR": "127.0.0.1"}
    if isinstance(body, str):
        body = body.encode("utf-8")
    if body:
        e["CONTENT_LENGTH"] = str(len(body))
        e["CONTENT_TYPE"] = "application/x-www-form-urlencoded"
    e.update(env or {})
    cmd = [binary]
    if valgrind:
        cmd = ["valgrind", "-q", "--leak-check=full", "--errors-for-leak-kinds=definite",
               "--error-exitcode=99"] + cmd
    proc = subprocess.run(cmd, input=body, env=e, capture_output=True, timeout=120)
    return CgiResponse(proc)


def form_body(tok, **values):
    from urllib.parse import urlencode
    d = {"csrf": tok, "version": "0", "action": "save"}
    d.update(values)
    return urlencode(d)


def figure(pid, code):
    rows = sql("SELECT f.num_value FROM figure f JOIN submission s ON s.id = f.submission_id "
               "JOIN unit u ON u.id = s.unit_id JOIN indicator i ON i.id = f.indicator_id "
               "WHERE u.code = 'S-NOIVU' AND s.period_id = %d AND i.code = '%s'" % (pid, code))
    return rows[0][0] if rows else None


@test
def anonymous_gets_401():
    r = cgi("GET", "/report/")
    check(r.status == 401, "anonymous CGI request: %r" % r.status_line)
    check((r.header("www-authenticate") or "").startswith("Basic"), "no WWW-Authenticate")
    check("Bạn cần đăng nhập." in r.text, "no Vietnamese 'log in' message")
    check(r.header("location") is None, "a REMOTE_USER server is sent to the built-in login")
    r = cgi("GET", "/report/", env={"REMOTE_USER": ""})
    check(r.status == 401, "empty REMOTE_USER: %r" % r.status_line)


@test
def remote_user_gets_the_units_page():
    ensure_user(USER, "S-NOIVU")
    r = cgi("GET", "/report/", env={"REMOTE_USER": "canbo.noivu"})
    check(r.status == 200, "REMOTE_USER=canbo.noivu: %r" % r.status_line)
    check("Sở Nội vụ" in r.text and "Trần Văn Minh" in r.text, "not noivu's page")
    check("UBND phường Hồng Bàng" not in r.text, "another unit shown")
    check("no-store" in (r.header("cache-control") or ""), "no Cache-Control on the CGI answer")
    check("frame-ancestors 'none'" in (r.header("content-security-policy") or ""), "no CSP on the CGI answer")
    check(int(r.header("content-length")) == len(r.body), "Content-Length does not match the body")
    r = cgi("GET", "/report/", env={"REMOTE_USER": USER})
    check(r.status == 200 and USER in r.text, "own test user: %r" % r.status_line)


@test
def an_http_header_is_no_identity():
    for env in ({"HTTP_REMOTE_USER": "canbo.noivu"}, {"HTTP_X_REMOTE_USER": "canbo.noivu"},
                {"HTTP_X_FORWARDED_USER": "canbo.noivu"}, {"HTTP_AUTHORIZATION": "Basic Y2FuYm8ubm9pdnU6eA=="}):
        r = cgi("GET", "/report/", env=env)
        check(r.status == 401, "%s alone: %r" % (list(env)[0], r.status_line))
        check("Sở Nội vụ" not in r.text, "%s alone shows noivu's page" % list(env)[0])


@test
def unknown_or_disabled_remote_user_is_refused():
    r = cgi("GET", "/report/", env={"REMOTE_USER": "no.such.user"})
    check(r.status == 403, "unknown REMOTE_USER: %r" % r.status_line)
    ensure_user("c.disabled", "S-NOIVU")
    sql("UPDATE app_user SET active = 0 WHERE login = 'c.disabled'")
    r = cgi("GET", "/report/", env={"REMOTE_USER": "c.disabled"})
    check(r.status == 403, "disabled REMOTE_USER: %r" % r.status_line)
    ensure_user("c.deputy", "-", roles="deputy")
    r = cgi("GET", "/report/", env={"REMOTE_USER": "c.deputy"})
    check(r.status == 403, "REMOTE_USER without the officer role: %r" % r.status_line)


@test
def builtin_mode_ignores_remote_user():
    r = cgi("GET", "/report/", mode="builtin", env={"REMOTE_USER": "canbo.noivu"})
    check(r.status == 303 and r.header("location") == "/login",
          "built-in mode trusted REMOTE_USER: %r %r" % (r.status_line, r.header("location")))


@test
def remote_user_saves_with_its_csrf_token():
    pid = ensure_period("Q", 2034, 1)
    ensure_user(USER, "S-NOIVU")
    env = {"REMOTE_USER": USER}
    page = cgi("GET", "/report/form?period=%d" % pid, env=env)
    check(page.status == 200, "form: %r" % page.status_line)
    tok = page.csrf()
    check(tok is not None and len(tok) == 64, "no csrf token in remote_user mode")
    r = cgi("POST", "/report/form?period=%d" % pid, env=env, body=form_body("0" * 64, **{"v_NT-BCD-HOP": "5"}))
    check(r.status == 403, "wrong token: %r" % r.status_line)
    other = cgi("GET", "/report/form?period=%d" % pid, env={"REMOTE_USER": "canbo.noivu"}).csrf()
    check(other != tok, "two users share a token")
    r = cgi("POST", "/report/form?period=%d" % pid, env=env, body=form_body(other, **{"v_NT-BCD-HOP": "5"}))
    check(r.status == 403, "another user's token: %r" % r.status_line)
    check(figure(pid, "NT-BCD-HOP") is None, "stored with a bad token")
    r = cgi("POST", "/report/form?period=%d" % pid, env=env, body=form_body(tok, **{"v_NT-BCD-HOP": "5"}))
    check(r.status == 303, "save: %r %s" % (r.status_line, r.text[:200]))
    check(r.header("location") == "/report/form?period=%d&done=saved" % pid, "location %r" % r.header("location"))
    check(figure(pid, "NT-BCD-HOP") == "5.000000", "not stored: %r" % figure(pid, "NT-BCD-HOP"))
    actor = sql("SELECT u.login FROM audit a JOIN app_user u ON u.id = a.actor_id WHERE a.entity = 'figure' "
                "ORDER BY a.id DESC LIMIT 1")
    check(actor == [[USER]], "audit actor %r" % actor)
    # anonymous POST: 401, nothing stored
    r = cgi("POST", "/report/form?period=%d" % pid, body=form_body(tok, **{"v_NT-BCD-HOP": "6"}))
    check(r.status == 401 and figure(pid, "NT-BCD-HOP") == "5.000000", "anonymous POST: %r" % r.status_line)


@test
def cgi_limits_and_errors():
    pid = ensure_period("Q", 2034, 1)
    ensure_user(USER, "S-NOIVU")
    env = {"REMOTE_USER": USER}
    # a declared size over the limit is refused before anything is read
    r = cgi("POST", "/report/form?period=%d" % pid, env=dict(env, CONTENT_LENGTH=str(600 * 1024),
                                                             CONTENT_TYPE="application/x-www-form-urlencoded"))
    check(r.status == 413, "600 KiB declared: %r" % r.status_line)
    # a body shorter than declared is a bad request, not a hang
    r = cgi("POST", "/report/form?period=%d" % pid, env=dict(env, CONTENT_LENGTH="100",
                                                             CONTENT_TYPE="application/x-www-form-urlencoded"))
    check(r.status == 400, "short body: %r" % r.status_line)
    r = cgi("GET", "/report/nope", env=env)
    check(r.status == 404, "unknown page: %r" % r.status_line)
    r = cgi("GET", "/report/form?period=%d&x=%%C3%%28" % pid, env=env)
    check(r.status == 400, "invalid UTF-8: %r" % r.status_line)
    r = cgi("POST", "/report/", env=env, body="csrf=x")
    check(r.status == 405 and r.header("allow") == "GET", "POST /report/: %r" % r.status_line)


@test
def no_definite_leaks_under_valgrind():
    if shutil.which("valgrind") is None:
        raise AssertionError("valgrind is not installed")
    pid = ensure_period("Q", 2034, 2)
    ensure_user(USER, "S-NOIVU")
    env = {"REMOTE_USER": USER}
    r = cgi("GET", "/report/form?period=%d" % pid, env=env, valgrind=True)
    check(r.rc != 99, "valgrind found definite leaks or errors on GET:\n%s" % r.stderr[-3000:])
    check(r.rc == 0 and r.status == 200, "GET under valgrind: rc %d, %r" % (r.rc, r.status_line))
    tok = r.csrf()
    body = form_body(tok, **{"v_NT-BCD-HOP": "7", "v_HT-BANGTHONG": "1,5", "n_NT-BCD-HOP": "ghi chú",
                             "na_DVC-TT": "1", "n_DVC-TT": "không có", "problems": "khó khăn"})
    r = cgi("POST", "/report/form?period=%d" % pid, env=env, body=body, valgrind=True)
    check(r.rc != 99, "valgrind found definite leaks or errors on a save:\n%s" % r.stderr[-3000:])
    check(r.rc == 0 and r.status == 303, "save under valgrind: rc %d, %r" % (r.rc, r.status_line))
    check(figure(pid, "NT-BCD-HOP") == "7.000000", "the save under valgrind was not stored")
    # an error path: validation errors re-render the form
    r = cgi("POST", "/report/form?period=%d" % pid, env=env, valgrind=True,
            body=form_body(tok, version="2", **{"v_NT-BCD-HOP": "abc", "v_HT-BANGTHONG": "1.234"}))
    check(r.rc != 99, "valgrind found definite leaks or errors on a 422:\n%s" % r.stderr[-3000:])
    check(r.rc == 0 and r.status == 422, "422 under valgrind: rc %d, %r" % (r.rc, r.status_line))


@test
def cookies_are_secure_over_https():
    auth = os.path.join(ROOT, "build", "egov-auth")
    ensure_user("c.https", "S-NOIVU")
    page = cgi("GET", "/login", mode="builtin", binary=auth, env={"HTTPS": "on"})
    check(page.status == 200, "GET /login: %r" % page.status_line)
    pre = [c for c in page.headers.get("set-cookie", []) if c.startswith("egov_pre=")]
    check(pre and "Secure" in pre[0].split("; "), "pre-login cookie over HTTPS: %r" % pre)
    tok = pre[0].split(";")[0].split("=", 1)[1]
    from urllib.parse import urlencode
    r = cgi("POST", "/login", mode="builtin", binary=auth,
            env={"HTTPS": "on", "HTTP_COOKIE": "egov_pre=" + tok},
            body=urlencode({"csrf": tok, "login": "c.https", "password": "password123"}))
    check(r.status == 303, "login over HTTPS: %r" % r.status_line)
    sid = [c for c in r.headers.get("set-cookie", []) if c.startswith("egov_sid=")]
    check(sid, "no session cookie")
    attrs = sid[0].split("; ")
    check("Secure" in attrs and "HttpOnly" in attrs and "SameSite=Strict" in attrs,
          "session cookie over HTTPS: %s" % sid[0])
    # and over plain HTTP (the test stack) the flag would stop the browser sending it
    r = cgi("GET", "/login", mode="builtin", binary=auth)
    pre = [c for c in r.headers.get("set-cookie", []) if c.startswith("egov_pre=")]
    check(pre and "Secure" not in pre[0], "Secure set over plain HTTP: %r" % pre)


@test
def remote_user_must_match_the_login_exactly():
    """The web server's user "cánbộ.nọivụ" is not canbo.noivu: a look-alike
    name must not be mapped onto another account."""
    for name in ("cánbộ.nọivụ", "canbo.nôivu", "canbo.noivu "):
        r = cgi("GET", "/report/", env={"REMOTE_USER": name})
        who = re.search(r'class="who">([^<]*)<', r.text)
        check(r.status == 403, "REMOTE_USER=%r gives %r, logged in as %s"
              % (name, r.status_line, who.group(1) if who else "?"))


try:
    run()
finally:
    for p in _confs.values():
        shutil.rmtree(os.path.dirname(p), ignore_errors=True)
