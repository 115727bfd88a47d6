"""The reminder job (egov-remind) against the test stack's database: who is
reminded and who is not, the Vietnamese text, MIME headers safe from CR/LF,
one message per person and kind of reminder however often it runs, delivery
through a fake sendmail and into an mbox outbox, a failing sendmail.

Runs the binary named by REMIND_BIN, else build-san/egov-remind (ASan/UBSan)
when it exists, else build/egov-remind, with EGOV_CONFIG set to copies of the
stack's egov.conf (one with `sendmail = <a fake sendmail>`, one with an
outbox in a temporary directory).

Own units RT-*, own users rt.* (addresses @remind-test.example), own periods
Q1-Q4/2038 whose due dates the tests set; each test first deletes the
reminder rows of those periods from the audit trail (as root: the programs'
accounts cannot)."""

import email
import email.policy
import email.utils
import mailbox
import os
import re
import shutil
import subprocess
import tempfile

from egov import ROOT, VAR, check, ensure_period, ensure_user, run, sql, test

BIN = os.environ.get("REMIND_BIN") or next(
    (p for p in (os.path.join(ROOT, "build-san", "egov-remind"), os.path.join(ROOT, "build", "egov-remind"))
     if os.path.exists(p)), os.path.join(ROOT, "build", "egov-remind"))
DOMAIN = "remind-test.example"
DUE = "2038-04-20"
BEFORE = "2038-04-17"       # remind_days = 3 in the stack's config
SEPARATOR = re.compile(rb"^=====END args=(.*)=====\n", re.M)

# code: (name, kind, valid_from, valid_to, status of its Q1/2038 form or None)
UNITS = {
    "RT-A": ("Phòng thử nghiệm nhắc hạn An Biên", "district", "2020-01-01", None, None),
    "RT-B": ("Sở thử nghiệm Bạch Đằng", "department", "2020-01-01", None, "draft"),
    "RT-R": ("Phòng thử nghiệm Rạng Đông", "district", "2020-01-01", None, "returned"),
    "RT-S": ("Phòng thử nghiệm đã gửi", "district", "2020-01-01", None, "submitted"),
    "RT-K": ("Sở thử nghiệm đã chấp nhận", "department", "2020-01-01", None, "accepted"),
    "RT-X": ("Phòng thử nghiệm đã giải thể", "district", "2020-01-01", "2037-12-01", None),
    "RT-F": ("Phòng thử nghiệm lập sau kỳ", "district", "2038-04-01", None, None),
    "RT-C": ("Xã thử nghiệm không được hỏi", "commune", "2020-01-01", None, None),
}

# login: (unit, roles, display name, e-mail (None: NULL), active, reminded?)
USERS = {
    "rt.a.officer": ("RT-A", "officer", "Nguyễn Văn An", "rt.a.officer@" + DOMAIN, 1, True),
    "rt.a.head": ("RT-A", "unit_head", "Trần Thị Bình (Trưởng phòng thử nghiệm nhắc hạn An Biên)",
                  "rt.a.head@" + DOMAIN, 1, True),
    "rt.a.evil": ("RT-A", "officer", "Kẻ xấu\r\nBcc: victim1@" + DOMAIN, "rt.a.evil@" + DOMAIN, 1, True),
    "rt.a.crlf": ("RT-A", "officer", "Địa chỉ có CRLF", "rt.a.crlf@%s\r\nBcc: victim2@%s" % (DOMAIN, DOMAIN),
                  1, False),
    "rt.a.wg": ("RT-A", "wg", "Tổ công tác", "rt.a.wg@" + DOMAIN, 1, False),
    "rt.a.off": ("RT-A", "officer", "Đã nghỉ", "rt.a.off@" + DOMAIN, 0, False),
    "rt.a.blank": ("RT-A", "officer", "Không có thư", "", 1, False),
    "rt.a.null": ("RT-A", "officer", "Không có thư", None, 1, False),
    "rt.b.officer": ("RT-B", "officer", "Lê Thị Bạch", "rt.b.officer@" + DOMAIN, 1, True),
    "rt.r.officer": ("RT-R", "officer,unit_head", "Phạm Rạng", "rt.r.officer@" + DOMAIN, 1, True),
    "rt.s.officer": ("RT-S", "officer", "Đã gửi", "rt.s.officer@" + DOMAIN, 1, False),
    "rt.k.officer": ("RT-K", "officer", "Đã chấp nhận", "rt.k.officer@" + DOMAIN, 1, False),
    "rt.x.officer": ("RT-X", "officer", "Giải thể", "rt.x.officer@" + DOMAIN, 1, False),
    "rt.f.officer": ("RT-F", "officer", "Lập sau", "rt.f.officer@" + DOMAIN, 1, False),
    "rt.c.officer": ("RT-C", "officer", "Xã", "rt.c.officer@" + DOMAIN, 1, False),
}
STATUS_TEXT = {None: "Chưa nhập", "draft": "Đang nhập (nháp), chưa gửi", "returned": "Bị trả lại, chưa gửi lại"}

_state = {}


def q(s):
    return "NULL" if s is None else "'%s'" % s.replace("\\", "\\\\").replace("'", "''")


def setup():
    """Units, users and periods (created once per process, reset every test)."""
    if "p1" not in _state:
        for code, (name, kind, vfrom, vto, _) in UNITS.items():
            sql("INSERT INTO unit (code, name, kind, valid_from, valid_to) VALUES (%s, %s, %s, %s, %s) "
                "ON DUPLICATE KEY UPDATE name = VALUES(name), kind = VALUES(kind), "
                "valid_from = VALUES(valid_from), valid_to = VALUES(valid_to)"
                % (q(code), q(name), q(kind), q(vfrom), q(vto)))
        for login, (unit, roles, dname, mail, active, _) in USERS.items():
            uid = ensure_user(login, unit, roles)
            # CR/LF go in through SQL functions, not through the mariadb client's text
            sql("UPDATE app_user SET display_name = REPLACE(REPLACE(%s, '<CR>', CHAR(13)), '<LF>', CHAR(10)), "
                "email = REPLACE(REPLACE(%s, '<CR>', CHAR(13)), '<LF>', CHAR(10)), active = %d WHERE id = %d"
                % (q(dname.replace("\r", "<CR>").replace("\n", "<LF>")),
                   "NULL" if mail is None else q(mail.replace("\r", "<CR>").replace("\n", "<LF>")), active, uid))
            _state["uid:" + login] = uid
        _state["p1"] = ensure_period("Q", 2038, 1)   # open, due DUE: the one reminded
        _state["p2"] = ensure_period("Q", 2038, 2)   # locked
        _state["p3"] = ensure_period("Q", 2038, 3)   # closed
        _state["p4"] = ensure_period("Q", 2038, 4)   # due the day after DUE
        _state["unit"] = {code: int(sql("SELECT id FROM unit WHERE code = %s" % q(code))[0][0]) for code in UNITS}
    p1, p2, p3, p4 = (_state[k] for k in ("p1", "p2", "p3", "p4"))
    ensure_period("Q", 2038, 1)
    sql("UPDATE period SET due_on = '%s', is_open = 1, locked = 0 WHERE id = %d" % (DUE, p1))
    sql("UPDATE period SET due_on = '%s', is_open = 1, locked = 1 WHERE id = %d" % (DUE, p2))
    sql("UPDATE period SET due_on = '%s', is_open = 0, locked = 0 WHERE id = %d" % (DUE, p3))
    sql("UPDATE period SET due_on = '2038-04-21', is_open = 1, locked = 0 WHERE id = %d" % p4)
    # Q1/2038 does not ask anything of communes
    sql("DELETE FROM period_indicator WHERE period_id = %d AND unit_kind = 'commune'" % p1)
    check(sql("SELECT COUNT(*) FROM period_indicator WHERE period_id = %d AND unit_kind = 'district'" % p1)[0][0]
          != "0", "Q1/2038 asks nothing of districts")
    by = _state["uid:rt.a.officer"]
    for code, (_, _, _, _, status) in UNITS.items():
        if status:
            sql("INSERT INTO submission (unit_id, period_id, status, created_at, created_by, updated_at, "
                "updated_by) VALUES (%d, %d, '%s', UTC_TIMESTAMP(), %d, UTC_TIMESTAMP(), %d)"
                % (_state["unit"][code], p1, status, by, by))
    sql("DELETE FROM audit WHERE action = 'reminder_sent' AND entity = 'period' AND (%s)"
        % " OR ".join("entity_id LIKE '%d:%%'" % p for p in (p1, p2, p3, p4)))
    return p1


def config_value(key, default):
    value = default
    with open(os.path.join(VAR, "egov.conf")) as f:
        for line in f:
            k, sep, v = line.partition("=")
            if sep and k.strip() == key:
                value = v.strip()
    return value


class Env:
    """A temporary directory with a fake sendmail and config copies."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="egov-remind-")
        self.capture = os.path.join(self.dir, "captured")
        self.sendmail = self.script("sendmail", '#!/bin/sh\ncat >>"%s"\nprintf "=====END args=%%s=====\\n" "$*" >>"%s"\n'
                                    "exit 0\n" % (self.capture, self.capture))
        self.failing = self.script("sendmail-fails", "#!/bin/sh\ncat >/dev/null\necho 'fake: refused' >&2\nexit 1\n")
        self.outbox = os.path.join(self.dir, "outbox")
        os.mkdir(self.outbox)

    def script(self, name, text):
        path = os.path.join(self.dir, name)
        with open(path, "w") as f:
            f.write(text)
        os.chmod(path, 0o755)
        return path

    def conf(self, name, **keys):
        """A copy of the stack's config with keys appended (the last line wins)."""
        path = os.path.join(self.dir, name + ".conf")
        shutil.copy(os.path.join(VAR, "egov.conf"), path)
        with open(path, "a") as f:
            f.write("\n")
            for k, v in keys.items():
                f.write("%s = %s\n" % (k, v))
        return path

    def run(self, conf, *args):
        env = dict(os.environ, EGOV_CONFIG=conf)
        env.setdefault("ASAN_OPTIONS", "detect_leaks=1")
        p = subprocess.run([BIN] + list(args), capture_output=True, env=env, timeout=120)
        p.out = p.stdout.decode("utf-8", "replace")
        p.err = p.stderr.decode("utf-8", "replace")
        return p

    def captured(self):
        """[(args, raw message bytes)] in the order sendmail got them."""
        if not os.path.exists(self.capture):
            return []
        data = open(self.capture, "rb").read()
        out, start = [], 0
        for m in SEPARATOR.finditer(data):
            out.append((m.group(1).decode(), data[start:m.start()]))
            start = m.end()
        check(start == len(data), "trailing bytes in the capture file")
        return out

    def close(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def parse(raw):
    return email.message_from_bytes(raw, policy=email.policy.default)


def ours(raws):
    """Only the messages to this test's addresses (the stack may hold other
    users with addresses in the same units' kinds)."""
    return [r for r in raws if ("@" + DOMAIN).encode() in r.split(b"\n\n", 1)[0]]


def ok(p, what):
    check(p.returncode == 0, "%s: exit %d\nstdout: %s\nstderr: %s" % (what, p.returncode, p.out[-2000:], p.err[-2000:]))


def expected_recipients():
    return sorted(USERS[login][3] for login in USERS if USERS[login][5])


def check_messages(raws, pid, kind):
    """Every message of ours: right person, right text, safe headers; one each."""
    mail_from = config_value("mail_from", "Ban Chi dao CQDT <no-reply@localhost>")
    base = config_value("base_url", "http://127.0.0.1:8080/")
    base += "" if base.endswith("/") else "/"
    ids = set()
    seen = []
    for raw in raws:
        head = raw.split(b"\n\n", 1)[0]
        for line in head.split(b"\n"):
            check(all(32 <= c < 127 or c == 9 for c in line), "non-ASCII or control byte in a header: %r" % line)
            check(not line.lower().startswith(b"bcc") and not line.lower().startswith(b"cc:"),
                  "an injected header: %r" % line)
        check(b"victim" not in head, "a victim address in a header")
        m = parse(raw)
        check(len(m["to"].addresses) == 1, "one recipient per message: %s" % m["to"])
        addr = m["to"].addresses[0].addr_spec
        login = addr.split("@")[0]
        check(login in USERS and USERS[login][5], "a message to %s, who should not get one" % addr)
        unit_code, _, dname, _, _, _ = USERS[login]
        uname, _, _, _, status = UNITS[unit_code]
        body_name = dname.replace("\r", " ").replace("\n", " ")   # control characters become spaces
        clean_name = " ".join(body_name.split())
        check(" ".join(m["to"].addresses[0].display_name.split()) == clean_name,
              "display name %r, want %r" % (m["to"].addresses[0].display_name, clean_name))
        left = "còn 3 ngày" if kind == "before" else "hôm nay là hạn cuối"
        subject = "Nhắc hạn: báo cáo Quý 1/2038 của %s - %s (hạn 20/04/2038)" % (uname, left)
        check(m["subject"] == subject, "subject %r, want %r" % (m["subject"], subject))
        check(re.search(rb"^Subject: =\?UTF-8\?B\?", head, re.M), "subject not RFC 2047 encoded")
        check(str(m["from"]) == mail_from or m["from"].addresses[0].addr_spec in mail_from, "From %s" % m["from"])
        check(m["mime-version"] == "1.0", "MIME-Version")
        check(m.get_content_type() == "text/plain" and m.get_content_charset() == "utf-8", "Content-Type")
        check(m["content-transfer-encoding"] in ("base64", "8bit"), "Content-Transfer-Encoding")
        check(email.utils.parsedate_to_datetime(m["date"]) is not None, "Date")
        mid = m["message-id"]
        check(mid and re.fullmatch(r"<[^<>@\s]+@[^<>@\s]+>", mid) and mid not in ids, "Message-ID %r" % mid)
        ids.add(mid)
        check(m["x-egov-reminder"] == "%d:%d:%d:%s" % (pid, _state["unit"][unit_code], _state["uid:" + login], kind),
              "X-Egov-Reminder %s" % m["x-egov-reminder"])
        body = m.get_content()
        for piece in ("Kính gửi: %s," % body_name, "kỳ Quý 1/2038 của %s chưa được gửi" % uname,
                      "Hạn gửi báo cáo: 20/04/2038 (%s)" % left, "Tình trạng: %s" % STATUS_TEXT[status],
                      "%sreport/form?period=%d" % (base, pid)):
            check(piece in body, "body lacks %r:\n%s" % (piece, body))
        check("\r" not in body, "a CR in the body text")
        seen.append(addr)
    check(sorted(seen) == expected_recipients(), "recipients %s, want %s" % (sorted(seen), expected_recipients()))


def audit_rows(pid):
    return sql("SELECT entity_id, COALESCE(actor_id, 'NULL'), new_value FROM audit WHERE action = 'reminder_sent' "
               "AND entity = 'period' AND entity_id LIKE '%d:%%' ORDER BY id" % pid)


def our_audit_rows(pid, kind):
    rows = [r for r in audit_rows(pid) if r[0].endswith(":" + kind) and DOMAIN in r[2]]
    for r in rows:
        check(r[1] == "NULL", "the audit row has an actor: %s" % r)
        check(r[2].startswith("due=%s; to=" % DUE), "audit new_value %r" % r[2])
    return rows


@test
def before_due_date_through_sendmail():
    pid = setup()
    e = Env()
    try:
        conf = e.conf("sm", sendmail=e.sendmail)
        p = e.run(conf, "--date", BEFORE)
        ok(p, "first run")
        got = e.captured()
        check(all(args == "-oi -t" for args, _ in got), "sendmail arguments: %s" % {a for a, _ in got})
        mine = ours([raw for _, raw in got])
        check(len(mine) == 5, "%d messages, want 5:\n%s" % (len(mine), p.out))
        check_messages(mine, pid, "before")
        # nothing of the locked, closed or other-day periods
        for raw in (raw for _, raw in got):
            tag = parse(raw)["x-egov-reminder"]
            check(tag.split(":")[0] not in {str(_state[k]) for k in ("p2", "p3", "p4")}, "message for %s" % tag)
        check(b"victim" not in b"".join(raw.split(b"\n\n", 1)[0] for raw in mine), "victim in a header")
        check("remind: period Quý 1/2038 due 20/04/2038 (in 3 days)" in p.out, "progress: %s" % p.out)
        check(re.search(r"RT-A .*\(Chưa nhập\): 3 sent, 1 address rejected", p.out), "RT-A line: %s" % p.out)
        check(re.search(r"RT-B .*: 1 sent", p.out) and re.search(r"RT-R .*\(Bị trả lại\): 1 sent", p.out),
              "RT-B/RT-R lines: %s" % p.out)
        for code in ("RT-S", "RT-K", "RT-X", "RT-F", "RT-C"):
            check(code + " " not in p.out, "%s listed: %s" % (code, p.out))
        check(re.search(r"remind: done: .* failed", p.out), "totals: %s" % p.out)
        check("rejected the e-mail address of user %d" % _state["uid:rt.a.crlf"] in p.err and "CR/LF" in p.err,
              "the rejected address is not logged: %s" % p.err)
        check(len(our_audit_rows(pid, "before")) == 5, "audit rows: %s" % audit_rows(pid))
        # the same day again: nothing new
        p = e.run(conf, "--date", BEFORE)
        ok(p, "second run")
        check(len(e.captured()) == len(got), "the second run sent again:\n%s" % p.out)
        check(re.search(r"RT-A .*: 3 already sent, 1 address rejected", p.out), "second run: %s" % p.out)
        check(len(our_audit_rows(pid, "before")) == 5, "audit rows after the re-run: %s" % audit_rows(pid))
    finally:
        e.close()


@test
def on_the_due_date_after_the_early_reminder():
    pid = setup()
    e = Env()
    try:
        conf = e.conf("sm", sendmail=e.sendmail)
        ok(e.run(conf, "--date", BEFORE), "run 3 days before")
        first = len(e.captured())
        p = e.run(conf, "--date", DUE)
        ok(p, "run on the due date")
        mine = ours([raw for _, raw in e.captured()[first:]])
        check(len(mine) == 5, "%d messages on the due date, want 5:\n%s" % (len(mine), p.out))
        check_messages(mine, pid, "due")
        check("remind: period Quý 1/2038 due 20/04/2038 (today, the last day)" in p.out, "progress: %s" % p.out)
        check(len(our_audit_rows(pid, "due")) == 5 and len(our_audit_rows(pid, "before")) == 5,
              "audit rows: %s" % audit_rows(pid))
        n = len(e.captured())
        ok(e.run(conf, "--date", DUE), "second run on the due date")
        check(len(e.captured()) == n, "the second run on the due date sent again")
        # a day that is neither 3 days before a due date nor one
        ok(e.run(conf, "--date", "2038-04-19"), "run on another day")
        check(len(e.captured()) == n, "a run on 19/04 sent something")
    finally:
        e.close()


@test
def outbox_holds_the_same_messages():
    pid = setup()
    e = Env()
    try:
        ok(e.run(e.conf("sm", sendmail=e.sendmail), "--date", DUE), "sendmail run")
        by_sendmail = ours([raw for _, raw in e.captured()])
        setup()   # forget what was sent
        conf = e.conf("box", outbox=e.outbox)
        p = e.run(conf, "--date", DUE)
        ok(p, "outbox run")
        files = sorted(os.listdir(e.outbox))
        check(len(files) == 1 and re.fullmatch(r"reminders-\d{8}-\d{6}(-\d+)?\.mbox", files[0]),
              "outbox holds %s" % files)
        check(os.path.join(e.outbox, files[0]) in p.out, "the file is not named in the output: %s" % p.out)
        box = mailbox.mbox(os.path.join(e.outbox, files[0]), create=False)
        in_box = [m.as_bytes() for m in box]
        sender = email.utils.parseaddr(config_value("mail_from", "Ban Chi dao CQDT <no-reply@localhost>"))[1]
        check(all(m.get_from().startswith(sender + " ") for m in box), "mbox From_ lines")
        mine = ours(in_box)
        check_messages([b.split(b"\n", 1)[1] if b.startswith(b"From ") else b for b in mine], pid, "due")

        def key(raw):
            m = parse(raw)
            return (m["to"].addresses[0].addr_spec, m["subject"], m.get_content())
        check(sorted(map(key, mine)) == sorted(map(key, by_sendmail)), "outbox and sendmail messages differ")
        check(len(our_audit_rows(pid, "due")) == 5, "audit rows: %s" % audit_rows(pid))
        # again the same day: no new file, nothing recorded twice
        p = e.run(conf, "--date", DUE)
        ok(p, "second outbox run")
        check(sorted(os.listdir(e.outbox)) == files, "second run left %s" % os.listdir(e.outbox))
        check(len(our_audit_rows(pid, "due")) == 5, "audit rows after the re-run: %s" % audit_rows(pid))
    finally:
        e.close()


@test
def failing_sendmail_fails_the_job_and_records_nothing():
    pid = setup()
    e = Env()
    try:
        p = e.run(e.conf("bad", sendmail=e.failing), "--date", BEFORE)
        check(p.returncode != 0, "exit 0 although sendmail failed:\n%s" % p.out)
        check("could not be handed to" in p.err and "exited with status 1" in p.err, "stderr: %s" % p.err)
        check(re.search(r"RT-A .*: 1 address rejected.*, 3 FAILED", p.out), "progress: %s" % p.out)
        check(our_audit_rows(pid, "before") == [], "failed reminders recorded: %s" % audit_rows(pid))
        # the next run that day, with a working sendmail, sends them all
        ok(e.run(e.conf("sm", sendmail=e.sendmail), "--date", BEFORE), "retry")
        check_messages(ours([raw for _, raw in e.captured()]), pid, "before")
    finally:
        e.close()


@test
def dry_run_sends_and_records_nothing():
    pid = setup()
    e = Env()
    try:
        p = e.run(e.conf("sm", sendmail=e.sendmail), "--date", BEFORE, "--dry-run")
        ok(p, "dry run")
        check(e.captured() == [], "the dry run sent mail")
        check("would send to rt.a.officer <rt.a.officer@%s>" % DOMAIN in p.out, "dry run output: %s" % p.out)
        check(audit_rows(pid) == [], "the dry run recorded reminders")
        p = e.run(e.conf("box", outbox=e.outbox), "--date", BEFORE, "--dry-run")
        ok(p, "dry run, outbox")
        check(os.listdir(e.outbox) == [], "the dry run wrote to the outbox")
    finally:
        e.close()


@test
def configuration_and_database_failures_are_reported():
    setup()
    e = Env()
    try:
        notdir = os.path.join(e.dir, "plain-file")
        open(notdir, "w").close()
        p = e.run(e.conf("nd", outbox=notdir), "--date", BEFORE)
        check(p.returncode != 0 and "is not a directory" in p.err, "outbox not a directory: %d %s" % (p.returncode, p.err))
        p = e.run(e.conf("nx", outbox=os.path.join(e.dir, "missing")), "--date", BEFORE)
        check(p.returncode != 0 and "outbox" in p.err, "missing outbox: %d %s" % (p.returncode, p.err))
        p = e.run(e.conf("db", db_socket=os.path.join(e.dir, "no.sock"), sendmail=e.sendmail), "--date", BEFORE)
        check(p.returncode != 0 and "cannot connect to the database" in p.err, "DB down: %d %s" % (p.returncode, p.err))
        p = e.run(e.conf("sm", sendmail=os.path.join(e.dir, "no-such-sendmail")), "--date", BEFORE)
        check(p.returncode != 0 and "not an executable file" in p.err, "missing sendmail: %d %s" % (p.returncode, p.err))
        p = e.run(e.conf("ok", sendmail=e.sendmail), "--date", "20/04/2038")
        check(p.returncode != 0 and "YYYY-MM-DD" in p.err, "bad date: %d %s" % (p.returncode, p.err))
        p = e.run(e.conf("ok", sendmail=e.sendmail), "--frobnicate")
        check(p.returncode == 2 and "usage" in p.err, "unknown option: %d %s" % (p.returncode, p.err))
        check(e.captured() == [], "a failed run sent mail")
    finally:
        e.close()


run()
