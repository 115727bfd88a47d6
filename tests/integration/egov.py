"""Shared helpers for the integration tests: a small HTTP client that keeps
cookies and never follows redirects, form-token extraction, and access to the
test stack's database and admin CLI.  Only the standard library is used.

Each test file registers functions with @test and calls run() at the end;
every test prints "PASS name" or "FAIL name: why" for tests/run.sh."""

import html
import http.client
import os
import re
import subprocess
import sys
import traceback
import urllib.parse

BASE_PORT = int(os.environ.get("TEST_PORT", "18080"))
VAR = os.environ.get("TEST_VAR", os.path.join(os.path.dirname(__file__), "..", "..", "var", "test"))
ROOT = os.environ.get("TEST_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "Demo@2026")


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers          # list of (name, value)
        self.body = body                # bytes
        self.text = body.decode("utf-8", "replace")

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None

    def headers_all(self, name):
        return [v for k, v in self.headers if k.lower() == name.lower()]

    def csrf(self):
        m = re.search(r'name="csrf" value="([0-9a-f]+)"', self.text)
        return m.group(1) if m else None

    def field(self, name):
        """Value of an <input name=...> in the page (unescaped), or None."""
        m = re.search(r'<input[^>]*name="%s"[^>]*value="([^"]*)"' % re.escape(name), self.text)
        if not m:
            m = re.search(r'<input[^>]*value="([^"]*)"[^>]*name="%s"' % re.escape(name), self.text)
        return html.unescape(m.group(1)) if m else None


class Client:
    """One browser-like user agent: a cookie jar, no redirect following."""

    def __init__(self, port=BASE_PORT):
        self.port = port
        self.cookies = {}

    def request(self, method, path, body=None, headers=None, raw=False):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        h = dict(headers or {})
        if self.cookies:
            h["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        if body is not None and not raw:
            if isinstance(body, dict):
                body = urllib.parse.urlencode(body)
            if isinstance(body, str):
                body = body.encode("utf-8")
            h.setdefault("Content-Type", "application/x-www-form-urlencoded")
        conn.request(method, path, body=body, headers=h)
        r = conn.getresponse()
        data = r.read()
        headers_list = r.getheaders()
        conn.close()
        resp = Response(r.status, headers_list, data)
        for sc in resp.headers_all("Set-Cookie"):
            name, _, rest = sc.partition("=")
            value = rest.split(";", 1)[0]
            if "Max-Age=0" in sc or value == "":
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        return resp

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, data, **kw):
        return self.request("POST", path, body=data, **kw)

    def login(self, login, password=DEMO_PASSWORD):
        page = self.get("/login")
        r = self.post("/login", {"csrf": page.csrf(), "login": login, "password": password})
        return r

    def login_ok(self, login, password=DEMO_PASSWORD):
        r = self.login(login, password)
        check(r.status == 303 and r.header("Location") == "/", "login of %s failed: %s" % (login, r.status))
        return self

    def token(self, path="/report/"):
        """The session's CSRF token, read from a page that shows it."""
        return self.get(path).csrf()


def sql(query, user="root", move_generation=True):
    """Runs SQL on the test database as root (setup and checks only).  A
    change moves the data generation, as `egov-admin cache-flush` would;
    move_generation=False is SQL typed by hand and nothing more."""
    cmd = ["mariadb", "--no-defaults", "--socket=%s/run/mysqld.sock" % VAR, "-u", user,
           "--default-character-set=utf8mb4", "--batch", "--skip-column-names", "egov", "-e", query]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        raise AssertionError("sql failed: %s: %s" % (query, out.stderr.strip()))
    if move_generation and not query.lstrip().upper().startswith(("SELECT", "SHOW")):
        bump_generation()
    return [line.split("\t") for line in out.stdout.splitlines()]


def bump_generation():
    """SQL typed by hand moves the data generation, as `egov-admin cache-flush`
    would: the workers' cached sessions and pages give way (cgi/lib/gen.h)."""
    path = os.path.join(VAR, "cache", "generation")
    fd = os.open(path, os.O_RDWR)
    try:
        v = int.from_bytes(os.pread(fd, 8, 0), "little")
        os.pwrite(fd, ((v + 1) % (1 << 64)).to_bytes(8, "little"), 0)
    finally:
        os.close(fd)


def sql_as(account, password, query):
    """Runs SQL as one of the programs' accounts; returns (ok, stderr)."""
    cmd = ["mariadb", "--no-defaults", "--socket=%s/run/mysqld.sock" % VAR, "-u", account,
           "-p" + password, "--default-character-set=utf8mb4", "egov", "-e", query]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode == 0:
        bump_generation()
    return out.returncode == 0, out.stderr


def secrets():
    d = {}
    with open(os.path.join(VAR, "secrets")) as f:
        for line in f:
            k, _, v = line.strip().partition("=")
            d[k] = v
    return d


def admin(*args, stdin=None):
    """Runs the admin CLI against the test stack; returns CompletedProcess."""
    env = dict(os.environ, EGOV_CONFIG=os.path.join(VAR, "egov.conf"))
    return subprocess.run([os.path.join(ROOT, "build", "egov-admin")] + list(args),
                          input=stdin, capture_output=True, text=True, env=env)


def period_id(kind, year, seq):
    rows = sql("SELECT id FROM period WHERE kind='%s' AND year=%d AND seq=%d" % (kind, year, seq))
    return int(rows[0][0]) if rows else None


def ensure_user(login, unit, roles="officer", password="password123", name=None):
    """Creates a user, or puts an existing one back as new: unit, roles,
    password, active, no failed logins, no sessions.  Returns the user id.
    unit is a unit code or "-" for none."""
    r = admin("user-add", login, name or login, unit, roles, stdin=password + "\n")
    if r.returncode != 0:
        if "exists" not in r.stderr:
            raise AssertionError("user-add %s: %s" % (login, r.stderr.strip()))
        r = admin("user-password", login, stdin=password + "\n")
        check(r.returncode == 0, "user-password %s: %s" % (login, r.stderr.strip()))
        unit_sql = "NULL" if unit == "-" else "(SELECT id FROM unit WHERE code = '%s')" % unit
        sql("UPDATE app_user SET unit_id = %s, roles = '%s', active = 1, failed_logins = 0, "
            "locked_until = NULL WHERE login = '%s'" % (unit_sql, roles, login))
    uid = int(sql("SELECT id FROM app_user WHERE login = '%s'" % login)[0][0])
    sql("DELETE FROM session WHERE user_id = %d" % uid)
    return uid


def ensure_period(kind, year, seq):
    """Creates the period if needed and makes it fresh: open, unlocked, and
    without submissions or figures (left by an earlier run).  Returns its id."""
    if period_id(kind, year, seq) is None:
        r = admin("period-create", kind, str(year), str(seq))
        check(r.returncode == 0, "period-create: %s" % r.stderr.strip())
    r = admin("period-open", kind, str(year), str(seq))
    check(r.returncode == 0, "period-open: %s" % r.stderr.strip())
    pid = period_id(kind, year, seq)
    sql("UPDATE period SET locked = 0 WHERE id = %d" % pid)
    sql("DELETE f FROM figure f JOIN submission s ON s.id = f.submission_id WHERE s.period_id = %d; "
        "DELETE e FROM evidence e JOIN submission s ON s.id = e.submission_id WHERE s.period_id = %d; "
        "DELETE FROM submission WHERE period_id = %d" % (pid, pid, pid))
    return pid


def form_rows(resp):
    """The indicator rows of a /report/form page in page order, as
    (code, kind) with kind 'yesno', 'text', 'date' or 'number'."""
    rows = []
    for m in re.finditer(r'<(input|select|textarea) id="v_([^"]+)" name="v_[^"]+"([^>]*)>', resp.text):
        tag, code, rest = m.groups()
        kind = {"select": "yesno", "textarea": "text"}.get(tag, "number")
        if tag == "input" and "dd/mm/yyyy" in rest:
            kind = "date"
        rows.append((code, kind))
    return rows


def complete_values(resp, **overrides):
    """A valid value for every indicator of the form page (v_CODE keys):
    1 for numbers and yes/no, a short text, a date; overrides by v_ key."""
    sample = {"yesno": "1", "text": "KH 12/KH-UBND", "date": "15/01/2030", "number": "1"}
    d = {"v_" + code: sample[kind] for code, kind in form_rows(resp)}
    d.update(overrides)
    return d


def check(cond, why="check failed"):
    if not cond:
        raise AssertionError(why)


_tests = []


def test(fn):
    _tests.append(fn)
    return fn


def run():
    """Runs the registered tests in order; prints PASS/FAIL lines."""
    suite = os.path.splitext(os.path.basename(sys.argv[0]))[0]
    failed = 0
    for fn in _tests:
        name = "%s/%s" % (suite, fn.__name__)
        try:
            fn()
            print("PASS %s" % name, flush=True)
        except Exception as e:  # one failing test must not hide the others
            failed += 1
            why = str(e).replace("\n", " ")[:300] or e.__class__.__name__
            print("FAIL %s: %s" % (name, why), flush=True)
            traceback.print_exc(file=sys.stdout)
    sys.exit(1 if failed else 0)
