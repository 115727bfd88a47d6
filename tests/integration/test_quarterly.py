"""The working group's quarterly report (egov-quarterly, /review/quarterly).

Runs the binary named by QUARTERLY_BIN, else the stack's bin_dir/egov-quarterly
(the ASan build on a test stack), with EGOV_CONFIG=$TEST_VAR/egov.conf.

Own data, made afresh by every run: periods Q2/2077 (the report) and Q3/2077
(no data), the 2077 work plan, directions TQ-*, the city figures of two
indicators for Q2/2077 written straight into agg_value, and Hồng Bàng's
submitted form whose problems carry <, &, quotes and diacritics (they must come
back as text, never as markup).  LibreOffice converts the ODT to PDF once in
this file (a private profile in a temporary directory) and pdftotext reads it.
The rows other suites could count (a submission, directions, the plan, city
figures) are removed at the end; QUARTERLY_KEEP=1 keeps them to look at."""

import atexit
import fcntl
import os
import re
import shutil
import subprocess
import tempfile
import time
import xml.etree.ElementTree as ET
import zipfile

from egov import Client, ROOT, VAR, check, ensure_period, ensure_user, run, sql, test

PW = "password123"
CONF = os.path.join(VAR, "egov.conf")
YEAR = 2077
PROBLEM = ('Thiếu máy chủ <dự phòng> & đường truyền "cáp quang" của đơn vị\'s; 5 < 10 & 7 > 3\n'
           'Dòng thứ hai: Đề án <b>không</b> được in đậm &amp; giữ nguyên')
# \x01 has no place in XML: the document drops it rather than break
PROPOSAL = "Đề nghị Sở Tài chính bố trí kinh phí nâng cấp <trung tâm dữ liệu>\x01 năm 2072"
DIR_OVERDUE = ("TQ-77-01", "Hoàn thành số hóa hồ sơ đất đai <giai đoạn 2> & báo cáo Ban Chỉ đạo")
DIR_DONE = ("TQ-77-02", "Kết nối hệ thống một cửa điện tử với Cổng dịch vụ công quốc gia")
TASK_LATE = ("KH77-03", "Xây dựng kho dữ liệu dùng chung của thành phố")
HEADINGS = ["1. Tiến độ thực hiện các chỉ tiêu", "2. Tình hình nộp báo cáo của các đơn vị",
            "3. Thực hiện kết luận, chỉ đạo của Ban Chỉ đạo", "4. Tiến độ kế hoạch năm",
            "5. Khó khăn, vướng mắc và đề xuất của các đơn vị",
            "6. Đề xuất, kiến nghị của Tổ công tác với Ban Chỉ đạo"]

_state = {}


def conf_value(key):
    with open(CONF) as f:
        for line in f:
            k, _, v = line.partition("=")
            if k.strip() == key:
                return v.strip()
    return None


BIN = os.environ.get("QUARTERLY_BIN") or os.path.join(conf_value("bin_dir") or os.path.join(ROOT, "build"),
                                                      "egov-quarterly")
REPORTS = conf_value("reports_dir") or os.path.join(VAR, "reports")


def q(s):
    return "NULL" if s is None else "'%s'" % str(s).replace("\\", "\\\\").replace("'", "''")


def squeeze(s):
    return re.sub(r"\s+", " ", s).strip()


def job(period, conf=CONF, *extra):
    env = dict(os.environ, EGOV_CONFIG=conf)
    return subprocess.run([BIN, "--period", str(period)] + list(extra), capture_output=True, text=True,
                          env=env, timeout=600)


def doc(period_seq, ext):
    return os.path.join(REPORTS, "quarterly-%d-Q%d.%s" % (YEAR, period_seq, ext))


def fixture():
    if "pid" in _state:
        return _state
    uid = ensure_user("t.qr.wg", "S-KHCN", roles="wg", password=PW)
    pid = ensure_period("Q", YEAR, 2)
    empty = ensure_period("Q", YEAR, 3)
    unit = int(sql("SELECT id FROM unit WHERE code = 'P-HONGBANG'")[0][0])
    sql("DELETE FROM agg_value WHERE period_id IN (%d, %d)" % (pid, empty))
    sql("INSERT INTO submission (unit_id, period_id, status, problems, proposals, created_at, created_by, "
        "updated_at, updated_by, submitted_at, submitted_by) VALUES (%d, %d, 'submitted', %s, %s, "
        "UTC_TIMESTAMP(), %d, UTC_TIMESTAMP(), %d, UTC_TIMESTAMP(), %d)"
        % (unit, pid, q(PROBLEM), q(PROPOSAL), uid, uid, uid))
    inds = sql("SELECT id, name FROM indicator WHERE vtype IN ('integer', 'percent') AND active = 1 "
               "ORDER BY id LIMIT 2")
    _state["indicators"] = [name for _, name in inds]
    sql("INSERT INTO agg_value (period_id, indicator_id, scope, scope_kind, unit_id, value, target, progress, "
        "units_reporting, units_asked, completeness) VALUES (%d, %s, 'city', '', 0, 42.5, 50, 0.85, 1, 10, 0.1), "
        "(%d, %s, 'city', '', 0, 1234.25, NULL, NULL, 1, 10, 0.1)" % (pid, inds[0][0], pid, inds[1][0]))
    # directions: one overdue for Hồng Bàng, one done within Q2's window (15/03-14/06)
    sql("DELETE p FROM direction_progress p JOIN direction d ON d.id = p.direction_id WHERE d.code LIKE 'TQ-77-%'; "
        "DELETE u FROM direction_unit u JOIN direction d ON d.id = u.direction_id WHERE d.code LIKE 'TQ-77-%'; "
        "DELETE FROM direction WHERE code LIKE 'TQ-77-%'")
    for (code, body), status, deadline, done in ((DIR_OVERDUE, "in_progress", "2026-01-15", None),
                                                 (DIR_DONE, "done", "%d-05-30" % YEAR, "%d-04-20" % YEAR)):
        sql("INSERT INTO direction (code, body, given_by, given_on, deadline, status, done_on, created_by, "
            "created_at) VALUES (%s, %s, %d, '2025-12-01', '%s', '%s', %s, %d, UTC_TIMESTAMP())"
            % (q(code), q(body), uid, deadline, status, q(done), uid))
        sql("INSERT INTO direction_unit (direction_id, unit_id) SELECT id, %d FROM direction WHERE code = %s"
            % (unit, q(code)))
    # the 2077 work plan: one task done, one overdue, one dropped (not counted)
    sql("DELETE t FROM plan_task t JOIN plan p ON p.id = t.plan_id WHERE p.year = %d; "
        "DELETE FROM plan WHERE year = %d" % (YEAR, YEAR))
    sql("INSERT INTO plan (year, kind, title, decision) VALUES (%d, 'work', 'Kế hoạch thử nghiệm năm %d', "
        "'QĐ 71/QĐ-BCĐ')" % (YEAR, YEAR))
    plan = int(sql("SELECT id FROM plan WHERE year = %d AND kind = 'work'" % YEAR)[0][0])
    for code, title, status, progress, deadline, alloc, spent in (
            ("KH77-01", "Nhiệm vụ đã xong", "done", 100, "2026-03-31", 100, 80),
            (TASK_LATE[0], TASK_LATE[1], "in_progress", 40, "2026-02-28", 300, 20),
            ("KH77-09", "Nhiệm vụ đã hủy", "dropped", 0, "2026-01-31", 999, 999)):
        sql("INSERT INTO plan_task (plan_id, code, title, owner_unit_id, deadline, status, progress, "
            "budget_estimated, budget_allocated, budget_spent) VALUES (%d, %s, %s, %d, '%s', '%s', %d, %d, %d, %d)"
            % (plan, q(code), q(title), unit, deadline, status, progress, alloc, alloc, spent))
    for seq in (2, 3):
        for ext in ("odt", "docx", "pdf"):
            if os.path.exists(doc(seq, ext)):
                os.unlink(doc(seq, ext))
    _state.update(pid=pid, empty=empty, uid=uid, unit=unit)
    return _state


def cleanup():
    if os.environ.get("QUARTERLY_KEEP") == "1" or "pid" not in _state:
        return
    sql("DELETE u FROM direction_unit u JOIN direction d ON d.id = u.direction_id WHERE d.code LIKE 'TQ-77-%'; "
        "DELETE FROM direction WHERE code LIKE 'TQ-77-%'; "
        "DELETE t FROM plan_task t JOIN plan p ON p.id = t.plan_id WHERE p.year = " + str(YEAR) + "; "
        "DELETE FROM plan WHERE year = " + str(YEAR) + "; "
        "DELETE FROM agg_value WHERE period_id IN (%d, %d); "
        "DELETE FROM submission WHERE period_id IN (%d, %d)"
        % (_state["pid"], _state["empty"], _state["pid"], _state["empty"]))


atexit.register(cleanup)


def soffice_pdf(src, outdir):
    """The test's own LibreOffice conversion of a document to PDF."""
    prof = tempfile.mkdtemp(prefix="qr-prof-")
    try:
        r = subprocess.run(["soffice", "-env:UserInstallation=file://" + prof, "--headless", "--norestore",
                            "--convert-to", "pdf", "--outdir", outdir, src], capture_output=True, text=True,
                           timeout=180, env=dict(os.environ, HOME=prof))
        check(r.returncode == 0, "soffice: %s" % r.stderr[-300:])
    finally:
        shutil.rmtree(prof, ignore_errors=True)
    pdf = os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + ".pdf")
    check(os.path.getsize(pdf) > 1000, "LibreOffice wrote no PDF from %s" % src)
    # -raw: the order LibreOffice wrote (a table cell's lines stay together)
    out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True).stdout
    # the marks come from a fallback font, placed apart from their words
    return out.replace("✓", " ").replace("✗", " ")


def audits(action, entity_id):
    return int(sql("SELECT COUNT(*) FROM audit WHERE action = '%s' AND entity = 'period' AND entity_id = '%s'"
                   % (action, entity_id))[0][0])


def wg():
    fixture()
    return Client().login_ok("t.qr.wg", PW)


@test
def the_job_writes_odt_docx_and_pdf():
    f = fixture()
    before = audits("quarterly_generated", f["pid"])
    r = job(f["pid"])
    check(r.returncode == 0, "exit %d: %s" % (r.returncode, r.stderr.strip()))
    check("quarterly: done" in r.stdout and "Quý 2/%d" % YEAR in r.stdout, "no progress output: %r" % r.stdout)
    for ext, magic in (("odt", b"PK"), ("docx", b"PK"), ("pdf", b"%PDF")):
        with open(doc(2, ext), "rb") as fh:
            check(fh.read(4).startswith(magic), "%s is not a %s file" % (doc(2, ext), ext))
    left = [n for n in os.listdir(REPORTS) if n.startswith(".work-")]
    check(not left, "work directories left behind: %s" % left)
    check(audits("quarterly_generated", f["pid"]) == before + 1, "the run is not in the audit trail")


@test
def the_odt_converted_by_libreoffice_reads_right():
    f = fixture()
    check(os.path.exists(doc(2, "odt")), "no ODT (the first test failed)")
    tmp = tempfile.mkdtemp(prefix="qr-pdf-")
    try:
        text = squeeze(soffice_pdf(doc(2, "odt"), tmp))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for h in HEADINGS:
        check(squeeze(h) in text, "heading missing from the PDF: %s" % h)
    check("Quý 2/%d" % YEAR in text, "the period is not named")
    for line in PROBLEM.split("\n") + [PROPOSAL.replace("\x01", "")]:
        check(squeeze(line) in text, "the unit's text is not intact: %r" % line)
    check("UBND phường Hồng Bàng" in text, "the unit's name is missing")
    check(DIR_OVERDUE[0] in text and squeeze(DIR_OVERDUE[1]) in text, "the overdue direction is missing")
    check(DIR_DONE[0] in text, "the direction done in the quarter is missing")
    for name in f["indicators"]:
        check(squeeze(name) in text, "indicator missing from the table: %s" % name)
    check("42,5" in text and "85 %" in text and "1.234,25" in text, "the indicator figures are missing")
    check("Chậm tiến độ" in text, "no on-track mark")
    check(TASK_LATE[0] in text and TASK_LATE[1] in text, "the overdue plan task is missing")
    check("Tiến độ chung: 70 %" in text, "the plan's overall progress (mean of 100 and 40) is wrong")
    check("nhiệm vụ quá hạn: 1" in text, "the number of overdue tasks is wrong")
    check("tỷ lệ sử dụng 25 %" in text, "the budget used (100 of 400 allocated, dropped task excluded) is wrong")


@test
def the_odt_keeps_markup_in_data_as_text():
    fixture()
    with zipfile.ZipFile(doc(2, "odt")) as z:
        root = ET.fromstring(z.read("content.xml"))
    text = squeeze(" ".join(root.itertext()))
    check(squeeze(PROBLEM.split("\n")[1]) in text, "the second line of the problems is not text")
    ns = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
    check(not any(el.tag in ("b", ns + "b") for el in root.iter()), "a <b> from the data became an element")


@test
def the_docx_opens_and_holds_the_text():
    fixture()
    with zipfile.ZipFile(doc(2, "docx")) as z:
        check(z.testzip() is None, "the DOCX is damaged")
        xml = z.read("word/document.xml")
    root = ET.fromstring(xml)
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    text = squeeze(" ".join("".join(t.text or "" for t in p.iter(w + "t")) for p in root.iter(w + "p")))
    for h in HEADINGS:
        check(squeeze(h) in text, "heading missing from the DOCX: %s" % h)
    check(squeeze(PROBLEM.split("\n")[0]) in text, "the unit's problems are missing from the DOCX")
    check(DIR_OVERDUE[0] in text, "the overdue direction is missing from the DOCX")


@test
def a_period_without_data_says_so_and_writes_nothing():
    f = fixture()
    r = job(f["empty"])
    check(r.returncode == 1, "exit %d for a period without data" % r.returncode)
    check("no data" in r.stderr and "Quý 3/%d" % YEAR in r.stderr, "unclear message: %r" % r.stderr)
    check(not any(os.path.exists(doc(3, e)) for e in ("odt", "docx", "pdf")), "documents were written")
    r = job(99999999)
    check(r.returncode == 1 and "does not exist" in r.stderr, "unknown period: %d %r" % (r.returncode, r.stderr))
    r = subprocess.run([BIN, "--period", "x"], capture_output=True, text=True, env=dict(os.environ, EGOV_CONFIG=CONF))
    check(r.returncode != 0 and "--period" in r.stderr, "a bad period id: %d" % r.returncode)
    r = subprocess.run([BIN], capture_output=True, text=True, env=dict(os.environ, EGOV_CONFIG=CONF))
    check(r.returncode == 2 and "usage" in r.stderr, "no arguments: %d" % r.returncode)


def conf_with(tmp, **keys):
    path = os.path.join(tmp, "egov.conf")
    with open(CONF) as src, open(path, "w") as dst:
        for line in src:
            if line.partition("=")[0].strip() not in keys:
                dst.write(line)
        for k, v in keys.items():
            dst.write("%s = %s\n" % (k, v))
    return path


@test
def libreoffice_missing_or_hanging_fails_and_keeps_the_old_documents():
    f = fixture()
    check(os.path.exists(doc(2, "pdf")), "no earlier documents (the first test failed)")
    mtimes = {e: os.stat(doc(2, e)).st_mtime for e in ("odt", "docx", "pdf")}
    tmp = tempfile.mkdtemp(prefix="qr-conf-")
    try:
        r = job(f["pid"], conf_with(tmp, soffice=os.path.join(tmp, "no-such-soffice")))
        check(r.returncode == 1 and "cannot run LibreOffice" in r.stderr, "missing soffice: %d %r"
              % (r.returncode, r.stderr))
        slow = os.path.join(tmp, "slow-soffice")
        with open(slow, "w") as fh:
            fh.write("#!/bin/sh\nsleep 30\n")
        os.chmod(slow, 0o755)
        t0 = time.time()
        r = job(f["pid"], conf_with(tmp, soffice=slow, quarterly_timeout_s="2"))
        check(r.returncode == 1 and "did not finish" in r.stderr, "hanging soffice: %d %r" % (r.returncode, r.stderr))
        check(time.time() - t0 < 20, "the time limit was not kept")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    check({e: os.stat(doc(2, e)).st_mtime for e in mtimes} == mtimes, "a failed run touched the documents")
    left = [n for n in os.listdir(REPORTS) if n.startswith(".work-")]
    check(not left, "work directories left behind: %s" % left)


@test
def the_wg_page_starts_a_run_and_serves_the_documents():
    f = fixture()
    c = wg()
    page = c.get("/review/quarterly?period=%d" % f["pid"])
    check(page.status == 200 and 'id="btn-make"' in page.text, "the page: %d" % page.status)
    check('id="doc-pdf"' in page.text, "the existing documents are not listed")
    before = audits("quarterly_request", f["pid"])
    mtime = os.stat(doc(2, "pdf")).st_mtime
    time.sleep(1.1)
    r = c.post("/review/quarterly", {"csrf": page.csrf(), "period": str(f["pid"])})
    check(r.status == 303 and "done=started" in (r.header("Location") or ""), "POST: %d %r"
          % (r.status, r.header("Location")))
    check('id="flash"' in c.get(r.header("Location")).text, "no message that the run started")
    check(audits("quarterly_request", f["pid"]) == before + 1, "the request is not in the audit trail")
    deadline = time.time() + 180
    while time.time() < deadline and not os.stat(doc(2, "pdf")).st_mtime > mtime:
        time.sleep(0.5)
    check(os.stat(doc(2, "pdf")).st_mtime > mtime, "the run from the page made no new PDF")
    while time.time() < deadline and 'id="qr-running"' in c.get("/review/quarterly?period=%d" % f["pid"]).text:
        time.sleep(0.5)
    page = c.get("/review/quarterly?period=%d" % f["pid"])
    check('data-outcome="done"' in page.text, "the last run's result is not shown")
    check(REPORTS not in page.text, "the page shows a server path")
    for ext, ctype, magic in (("pdf", "application/pdf", b"%PDF"),
                              ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK"),
                              ("odt", "application/vnd.oasis.opendocument.text", b"PK")):
        d = c.get("/review/quarterly-file?period=%d&format=%s" % (f["pid"], ext))
        check(d.status == 200 and d.body.startswith(magic), "download %s: %d" % (ext, d.status))
        check(d.header("Content-Type").startswith(ctype), "download %s: type %s" % (ext, d.header("Content-Type")))
        check("attachment" in (d.header("Content-Disposition") or ""), "%s is not an attachment" % ext)
        with open(doc(2, ext), "rb") as fh:
            check(fh.read() == d.body, "the %s download is not the file" % ext)
    d = c.get("/review/quarterly-file?period=%d&format=pdf" % f["empty"])
    check(d.status == 404, "a document never made: %d" % d.status)
    d = c.get("/review/quarterly-file?period=%d&format=exe" % f["pid"])
    check(d.status == 400, "an unknown format: %d" % d.status)


@test
def the_page_says_when_a_period_has_no_data():
    f = fixture()
    c = wg()
    r = c.post("/review/quarterly", {"csrf": c.token("/review/quarterly"), "period": str(f["empty"])})
    check(r.status == 303, "POST for the empty period: %d" % r.status)
    deadline = time.time() + 60
    page = c.get("/review/quarterly?period=%d" % f["empty"])
    while time.time() < deadline and 'data-outcome="no_data"' not in page.text:
        time.sleep(0.5)
        page = c.get("/review/quarterly?period=%d" % f["empty"])
    check('data-outcome="no_data"' in page.text and 'id="qr-none"' in page.text,
          "no clear message for a period without data")
    check(not any(os.path.exists(doc(3, e)) for e in ("odt", "docx", "pdf")), "documents were written")


@test
def a_second_run_of_a_period_is_refused_while_one_runs():
    f = fixture()
    c = wg()
    lock = os.path.join(REPORTS, ".quarterly-%d.lock" % f["pid"])
    fd = os.open(lock, os.O_RDONLY | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        before = audits("quarterly_request", f["pid"])
        r = c.post("/review/quarterly", {"csrf": c.token("/review/quarterly"), "period": str(f["pid"])})
        check(r.status == 409 and 'id="qr-error"' in r.text, "a second run from the page: %d" % r.status)
        check(audits("quarterly_request", f["pid"]) == before, "a refused run was recorded")
        r = job(f["pid"])
        check(r.returncode == 1 and "another egov-quarterly" in r.stderr, "a second run from the command "
              "line: %d %r" % (r.returncode, r.stderr))
    finally:
        os.close(fd)


@test
def the_page_needs_the_working_group_and_a_token():
    f = fixture()
    c = wg()
    before = audits("quarterly_request", f["pid"])
    r = c.post("/review/quarterly", {"period": str(f["pid"])})
    check(r.status == 403, "without a token: %d" % r.status)
    r = c.post("/review/quarterly", {"csrf": c.token("/review/quarterly"), "period": "99999999"})
    check(r.status == 404, "an unknown period: %d" % r.status)
    r = c.post("/review/quarterly", {"csrf": c.token("/review/quarterly"), "period": "abc"})
    check(r.status == 400, "a bad period: %d" % r.status)
    ensure_user("t.qr.officer", "P-HONGBANG", password=PW)
    o = Client().login_ok("t.qr.officer", PW)
    check(o.get("/review/quarterly").status == 403, "an officer sees the page")
    check(o.get("/review/quarterly-file?period=%d&format=pdf" % f["pid"]).status == 403,
          "an officer downloads the report")
    r = o.post("/review/quarterly", {"csrf": o.token("/report/"), "period": str(f["pid"])})
    check(r.status == 403, "an officer starts a run: %d" % r.status)
    check(Client().get("/review/quarterly-file?period=%d&format=pdf" % f["pid"]).status in (302, 303, 401),
          "an anonymous download was not sent to the login")
    check(audits("quarterly_request", f["pid"]) == before, "refused requests were recorded")


run()
