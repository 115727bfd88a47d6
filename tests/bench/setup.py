"""Bench set-up against the running 'bench' stack (standard library only).

  python3 setup.py prepare N_USERS   fresh open period, N officer users on
                                     N departments, one first save each;
                                     writes var/bench/bench-users.lua,
                                     var/bench/bench.env, var/bench/values.tsv
                                     and the static page of the form's size
  python3 setup.py statuses FROM     counts the HTTP statuses in the nginx
                                     access log from line FROM on

Uses tests/integration/egov.py (TEST_PORT / TEST_VAR / TEST_ROOT are set by
run.sh before this runs)."""

import os
import re
import sys
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "integration"))
import egov  # noqa: E402

VAR = egov.VAR
PASSWORD = "Bench@2026-pw"
# departments: every indicator applies to them, so theirs is the largest form
UNITS = ["S-TAICHINH", "S-XAYDUNG", "S-KHCN", "VP-UBND", "S-TUPHAP", "S-GDDT", "S-YTE", "S-CONGTHUONG"]
PERIOD = ("Q", 2027, 1)


def die(msg):
    print("bench setup: %s" % msg, file=sys.stderr)
    sys.exit(1)


def values(vtype, lo, hi):
    """Two different valid (raw, canonical) values for one indicator."""
    def clip(x):
        if lo not in (None, "", "NULL"):
            x = max(x, float(lo))
        if hi not in (None, "", "NULL"):
            x = min(x, float(hi))
        return x

    if vtype == "yesno":
        return [("1", "1"), ("0", "0")]
    if vtype == "text":
        return [("Kế hoạch số 12/KH-UBND", "Kế hoạch số 12/KH-UBND"),
                ("Kế hoạch số 34/KH-UBND", "Kế hoạch số 34/KH-UBND")]
    if vtype == "date":
        return [("01/02/2027", "2027-02-01"), ("02/02/2027", "2027-02-02")]
    if vtype == "integer":
        a, b = int(clip(1)), int(clip(2))
        return [(str(a), str(a)), (str(b), str(b))]
    # percent, decimal: a decimal comma, as officers type it
    a, b = clip(45.5), clip(62.25)
    if a == b:
        die("no two values in range for %s" % vtype)
    def fmt(x):
        s = ("%.2f" % x).rstrip("0").rstrip(".")
        return (s.replace(".", ","), s)
    return [fmt(a), fmt(b)]


def lua_str(s):
    return '"' + "".join(c if c.isalnum() or c in "=&_-.%/?+ " else "\\%03d" % ord(c)
                         for c in s) + '"'


def prepare(n):
    if not 1 <= n <= len(UNITS):
        die("between 1 and %d users" % len(UNITS))
    kind, year, seq = PERIOD
    for args in (["period-create", kind, str(year), str(seq)], ["period-open", kind, str(year), str(seq)]):
        r = egov.admin(*args)
        if r.returncode != 0:
            die("%s: %s" % (" ".join(args), r.stderr.strip()))
    pid = egov.period_id(kind, year, seq)
    if pid is None:
        die("period not created")
    inds = egov.sql("SELECT code, vtype, min_value, max_value FROM indicator "
                    "WHERE active = 1 AND FIND_IN_SET('department', unit_kinds) ORDER BY code")
    if not inds:
        die("no indicators")
    vals = {code: values(vtype, lo, hi) for code, vtype, lo, hi in inds}
    vtypes = {code: vtype for code, vtype, lo, hi in inds}
    path = "/report/form?period=%d" % pid

    users = []
    for i in range(n):
        login = "bench.officer%d" % (i + 1)
        r = egov.admin("user-add", login, "Bench officer %d" % (i + 1), UNITS[i], "officer",
                       stdin=PASSWORD + "\n")
        if r.returncode != 0:
            die("user-add %s: %s" % (login, r.stderr.strip()))
        c = egov.Client(egov.BASE_PORT)
        r = c.login(login, PASSWORD)
        if r.status != 303 or "egov_sid" not in c.cookies:
            die("login of %s: HTTP %d" % (login, r.status))
        page = c.get(path)
        if page.status != 200:
            die("GET %s as %s: HTTP %d" % (path, login, page.status))
        codes = re.findall(r'name="v_([A-Za-z0-9_-]+)"', page.text)
        if sorted(codes) != sorted(vals):
            die("the form of %s shows %d fields, the database has %d indicators"
                % (login, len(codes), len(vals)))
        csrf = page.csrf()
        bodies = []
        for k in (0, 1):
            fields = [("csrf", csrf), ("action", "save")]
            fields += [("v_" + code, vals[code][k][0]) for code in codes]
            bodies.append(urllib.parse.urlencode(fields))
        # the first save (creates the submission) with set 0
        version = int(page.field("version"))
        r = c.post(path, bodies[0] + "&version=%d" % version)
        if r.status != 303:
            die("first save of %s: HTTP %d %s" % (login, r.status, r.text[:300]))
        page = c.get(path)
        version = int(page.field("version"))
        uid = int(egov.sql("SELECT id FROM app_user WHERE login = '%s'" % login)[0][0])
        unit = int(egov.sql("SELECT id FROM unit WHERE code = '%s'" % UNITS[i])[0][0])
        sub = egov.sql("SELECT id, version FROM submission WHERE unit_id = %d AND period_id = %d"
                       % (unit, pid))
        if not sub or int(sub[0][1]) != version:
            die("submission of %s not as expected: %r" % (login, sub))
        nfig = int(egov.sql("SELECT COUNT(*) FROM figure WHERE submission_id = %s" % sub[0][0])[0][0])
        if nfig != len(codes):
            die("first save of %s wrote %d figures, not %d" % (login, nfig, len(codes)))
        users.append(dict(login=login, cookie="egov_sid=" + c.cookies["egov_sid"], version=version,
                          bodies=bodies, sub=int(sub[0][0]), uid=uid, unit=unit, page=page.body))

    # the static page: exactly as many bytes as the first officer's form page
    size = len(users[0]["page"])
    os.makedirs(os.path.join(VAR, "www"), exist_ok=True)
    with open(os.path.join(VAR, "www", "bench-static.html"), "wb") as f:
        f.write(users[0]["page"])
    with open(os.path.join(VAR, "bench-users.lua"), "w") as f:
        f.write("-- generated by tests/bench/setup.py\nreturn {\n  path = %s,\n  users = {\n" % lua_str(path))
        for u in users:
            f.write("    { cookie = %s, version = %d, cur = 0,\n      bodies = { %s,\n        %s } },\n"
                    % (lua_str(u["cookie"]), u["version"], lua_str(u["bodies"][0]), lua_str(u["bodies"][1])))
        f.write("  },\n}\n")
    # what the bare client needs: indicator id, numeric or text, both canonical values
    ids = dict(egov.sql("SELECT code, id FROM indicator"))
    order = [code for code, _ in sorted(((c, int(ids[c])) for c in vals), key=lambda t: t[1])]
    with open(os.path.join(VAR, "values.tsv"), "w") as f:
        for code in order:
            kind_ = "t" if vtypes[code] in ("text", "date") else "n"
            f.write("%s\t%s\t%s\t%s\t%s\n" % (ids[code], code, kind_, vals[code][0][1], vals[code][1][1]))
    with open(os.path.join(VAR, "bench.env"), "w") as f:
        f.write("PERIOD_ID=%d\nFORM_PATH='%s'\nFORM_BYTES=%d\nNFIELDS=%d\n" % (pid, path, size, len(codes)))
        f.write("BARE_SUBS='%s'\n" % " ".join("%d:%d:%d" % (u["sub"], u["uid"], u["unit"]) for u in users))
    print("bench setup: period %d, %d officers, %d indicators each, form page %d bytes"
          % (pid, n, len(codes), size))


def statuses(start):
    counts = {}
    with open(os.path.join(VAR, "log", "nginx-access.log"), "rb") as f:
        for i, line in enumerate(f, 1):
            if i < start:
                continue
            m = re.search(rb'" (\d{3}) ', line)
            st = m.group(1).decode() if m else "?"
            counts[st] = counts.get(st, 0) + 1
    print(" ".join("%s:%d" % kv for kv in sorted(counts.items())) or "none")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "prepare":
        prepare(int(sys.argv[2]))
    elif len(sys.argv) == 3 and sys.argv[1] == "statuses":
        statuses(int(sys.argv[2]))
    else:
        die("usage: setup.py prepare N | statuses FROM_LINE")
