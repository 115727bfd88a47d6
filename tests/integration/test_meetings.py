"""Meetings, invitations and attendance (Art. 5.5, 7): the working group's
pages (/review/meeting*), a member's answers and the chair's decisions
(/report/meeting*), the read-only dashboard page, the .ics file.

Each test works on meetings it creates in 2031 (far from the demo's), so
answers are open and the yearly counts are the test's own; earlier runs'
2031 meetings are removed first."""

import io
import os
import re
import sys

from egov import (Client, admin, check, ensure_user, run, sql, test)

try:
    import icalendar
except ImportError:  # Debian's python3-icalendar, when another python3 runs the tests
    sys.path.append("/usr/lib/python3/dist-packages")
    import icalendar

YEAR = 2031
PDF = (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
       b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
       b"trailer << /Root 1 0 R >>\n%%EOF\n")
HTML = b"<html><script>alert(1)</script></html>"

WG = "totonghop"
HEAD = "truongban"
DEPUTY = "photruongban"
M1 = "giamdoc.noivu"
M2 = "chutich.hongbang"
OUTSIDER = "tv.ngoai"          # a member made by the tests, taken off a meeting's list
OUTSIDER_PW = "Outsider@2031"


def uid(login):
    return int(sql("SELECT id FROM app_user WHERE login = '%s'" % login)[0][0])


def clean():
    where = "SELECT id FROM meeting WHERE YEAR(starts_at) >= %d" % YEAR
    sql("DELETE FROM meeting_file WHERE meeting_id IN (%s); "
        "DELETE FROM invitation WHERE meeting_id IN (%s); "
        "DELETE FROM meeting_agenda WHERE meeting_id IN (%s); "
        "DELETE FROM meeting WHERE YEAR(starts_at) >= %d" % (where, where, where, YEAR))


def meeting_count():
    return int(sql("SELECT COUNT(*) FROM meeting")[0][0])


_clients = {}


def client(login, password=None):
    """One logged-in client per user for the whole run."""
    if login not in _clients:
        c = Client()
        if password:
            c.login_ok(login, password)
        else:
            c.login_ok(login)
        _clients[login] = c
    return _clients[login]


def multipart(fields, files):
    boundary = "----mttest%s" % os.urandom(8).hex()
    out = io.BytesIO()
    for k, v in fields.items():
        out.write(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n"
                   % (boundary, k, v)).encode("utf-8"))
    for field, filename, data, ctype in files:
        out.write(("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
                   "Content-Type: %s\r\n\r\n" % (boundary, field, filename, ctype)).encode("utf-8"))
        out.write(data + b"\r\n")
    out.write(("--%s--\r\n" % boundary).encode("utf-8"))
    return out.getvalue(), "multipart/form-data; boundary=%s" % boundary


def create(kind="regular", title=None, date="18/12/%d" % YEAR, time="08:30", chair=HEAD, **extra):
    """Creates a meeting as the working group; returns its id."""
    c = client(WG)
    data = {"csrf": c.token("/review/meetings"), "kind": kind,
            "title": title or "Họp thử nghiệm, Quý 4; \"kiểm thử\" <b>", "date": date,
            "time": time, "end": "", "place": "Phòng họp số 2, UBND thành phố",
            "chair": str(uid(chair)), "notice": "Kính mời dự họp.\nMang theo tài liệu."}
    data.update(extra)
    r = c.post("/review/meetings", data)
    check(r.status == 303, "create meeting: %d %s" % (r.status, r.text[:300]))
    m = re.search(r"id=(\d+)", r.header("Location") or "")
    check(m is not None, "no meeting id in %s" % r.header("Location"))
    return int(m.group(1))


def invitation(mid, login):
    rows = sql("SELECT answer, COALESCE(leave_decision, ''), COALESCE(delegate_name, ''), "
               "COALESCE(opinion_text, ''), attended, version FROM invitation "
               "WHERE meeting_id = %d AND user_id = %d" % (mid, uid(login)))
    return rows[0] if rows else None


def answer(login, mid, files=None, password=None, csrf=True, **fields):
    c = client(login, password)
    page = c.get("/report/meetings")
    inv = invitation(mid, login)
    data = {"meeting": str(mid), "version": inv[5] if inv else "1"}
    if csrf:
        data["csrf"] = page.csrf()
    data.update(fields)
    body, ctype = multipart(data, files or [])
    return c.request("POST", "/report/meeting-answer", body=body,
                     headers={"Content-Type": ctype}, raw=True)


def decide(login, mid, member, decision, note=""):
    c = client(login)
    inv = invitation(mid, member)
    return c.post("/report/meeting-decide", {
        "csrf": c.token("/report/meetings"), "meeting": str(mid), "user": str(uid(member)),
        "version": inv[5], "decision": decision, "note": note})


def audit_count(action):
    return int(sql("SELECT COUNT(*) FROM audit WHERE action = '%s'" % action)[0][0])


# ---- set-up ----

clean()
ensure_user(OUTSIDER, "S-TAICHINH", "member,unit_head", OUTSIDER_PW, "Phan Văn Ngoài")
ensure_user("canbo.test.mt", "S-NOIVU", "officer", "Officer@2031", "Cán bộ thử")


@test
def create_regular_invites_every_member():
    before = audit_count("meeting_create")
    mid = create()
    want = sorted(r[0] for r in sql(
        "SELECT login FROM app_user WHERE active = 1 AND (FIND_IN_SET('member', roles) "
        "OR FIND_IN_SET('deputy', roles) OR FIND_IN_SET('head', roles))"))
    got = sorted(r[0] for r in sql(
        "SELECT u.login FROM invitation i JOIN app_user u ON u.id = i.user_id "
        "WHERE i.meeting_id = %d" % mid))
    check(got == want and M1 in got and HEAD in got and WG not in got,
          "invitees %s, expected %s" % (got, want))
    # typed in Hanoi time, kept in UTC
    row = sql("SELECT starts_at, kind, status FROM meeting WHERE id = %d" % mid)[0]
    check(row == ["%d-12-18 01:30:00" % YEAR, "regular", "planned"], "stored %s" % row)
    check(audit_count("meeting_create") == before + 1, "no audit row")
    page = client(WG).get("/review/meeting?id=%d" % mid)
    check(page.status == 200 and "Họp thử nghiệm, Quý 4; &quot;kiểm thử&quot; &lt;b&gt;" in page.text,
          "title not shown escaped")


@test
def create_wg_meeting_invites_the_working_group():
    mid = create(kind="wg", chair=WG, title="Họp Tổ công tác thử")
    got = sorted(r[0] for r in sql(
        "SELECT u.login FROM invitation i JOIN app_user u ON u.id = i.user_id "
        "WHERE i.meeting_id = %d" % mid))
    want = sorted(r[0] for r in sql(
        "SELECT login FROM app_user WHERE active = 1 AND (FIND_IN_SET('wg', roles) "
        "OR FIND_IN_SET('wg_lead', roles))"))
    check(got == want and WG in got and M1 not in got, "wg invitees %s" % got)


@test
def bad_date_time_refused_nothing_stored():
    c = client(WG)
    n = meeting_count()
    cases = [({"date": "31/02/%d" % YEAR}, "Ngày họp không hợp lệ"),
             ({"date": "hôm nay"}, "Ngày họp không hợp lệ"),
             ({"time": "25:00"}, "Giờ bắt đầu không hợp lệ"),
             ({"time": "8h"}, "Giờ bắt đầu không hợp lệ"),
             ({"end": "07:00"}, "Giờ kết thúc"),
             ({"place": "  "}, "Nhập địa điểm"),
             ({"chair": str(uid(M1))}, "Người chủ trì phải là"),
             ({"kind": "wg", "chair": str(uid(HEAD))}, "Người chủ trì phải là")]
    for change, message in cases:
        data = {"csrf": c.token("/review/meetings"), "kind": "regular", "title": "Không lưu",
                "date": "18/12/%d" % YEAR, "time": "08:30", "end": "", "place": "Phòng 1",
                "chair": str(uid(HEAD)), "notice": ""}
        data.update(change)
        r = c.post("/review/meetings", data)
        check(r.status == 422 and message in r.text and 'id="error-summary"' in r.text,
              "%s: %d, message missing" % (change, r.status))
        # what was typed is kept for correcting
        check('value="Không lưu"' in r.text, "typed title lost for %s" % change)
    check(meeting_count() == n, "a refused meeting was stored")


@test
def csrf_missing_refused():
    c = client(WG)
    n = meeting_count()
    r = c.post("/review/meetings", {"kind": "regular", "title": "CSRF", "date": "18/12/%d" % YEAR,
                                    "time": "08:30", "place": "P", "chair": str(uid(HEAD))})
    check(r.status == 403 and meeting_count() == n, "no-csrf create: %d" % r.status)
    mid = create()
    before = invitation(mid, M1)
    r = answer(M1, mid, csrf=False, answer="attend")
    check(r.status == 403 and invitation(mid, M1) == before, "no-csrf answer: %d" % r.status)


@test
def wrong_roles_refused():
    officer = Client().login_ok("canbo.test.mt", "Officer@2031")
    for path in ("/review/meetings", "/report/meetings", "/dashboard/meetings",
                 "/review/attendance?year=%d" % YEAR):
        r = officer.get(path)
        check(r.status == 403, "officer got %d on %s" % (r.status, path))
    # the unit's start page links to the meetings only where they open
    link = 'href="/report/meetings"'
    check(link not in officer.get("/report/").text, "an officer's start page links to the meetings")
    check(link in client(M1).get("/report/").text, "a member's start page has no link to the meetings")
    r = client(M1).get("/review/meetings")
    check(r.status == 403, "a member got %d on the working group's page" % r.status)
    mid = create()
    r = client(M1).post("/review/meeting", {"csrf": client(M1).token("/report/meetings"),
                                            "id": str(mid), "version": "1", "status": "cancelled"})
    check(r.status == 403, "a member edited a meeting: %d" % r.status)
    check(sql("SELECT status FROM meeting WHERE id = %d" % mid)[0][0] == "planned", "status changed")


@test
def member_answers_attend():
    mid = create()
    r = answer(M1, mid, answer="attend")
    check(r.status == 303, "attend: %d %s" % (r.status, r.text[:200]))
    inv = invitation(mid, M1)
    check(inv[0] == "attend" and inv[5] == "2", "stored %s" % inv)
    page = client(M1).get("/report/meetings?done=answered")
    check('id="flash"' in page.text and "Đã gửi trả lời" in page.text, "no confirmation")
    # a stale version is refused, nothing changes
    c = client(M1)
    body, ctype = multipart({"csrf": c.token("/report/meetings"), "meeting": str(mid),
                             "version": "1", "answer": "leave", "reason": "x"}, [])
    r = c.request("POST", "/report/meeting-answer", body=body, headers={"Content-Type": ctype}, raw=True)
    check(r.status == 409 and invitation(mid, M1)[0] == "attend", "stale answer: %d" % r.status)


@test
def leave_requested_then_approved_by_chair():
    mid = create()
    # a leave without a reason stores nothing
    r = answer(M2, mid, answer="leave", reason="  ")
    check(r.status == 422 and "cần nêu lý do" in r.text, "leave without reason: %d" % r.status)
    check(invitation(mid, M2)[0] == "none", "stored without reason")
    r = answer(M2, mid, answer="leave", reason="Tiếp đoàn công tác của Bộ")
    check(r.status == 303, "leave: %d" % r.status)
    check(invitation(mid, M2)[:2] == ["leave", "pending"], "not pending: %s" % invitation(mid, M2))
    page = client(HEAD).get("/report/meetings")
    check('id="leave-%d-%d"' % (mid, uid(M2)) in page.text, "the chair does not see the request")
    before = audit_count("leave_approve")
    r = decide(HEAD, mid, M2, "approved", "Đồng ý")
    check(r.status == 303, "approve: %d" % r.status)
    check(invitation(mid, M2)[1] == "approved", "not approved: %s" % invitation(mid, M2))
    check(audit_count("leave_approve") == before + 1, "approval not audited")
    row = sql("SELECT decided_by, decision_note FROM invitation WHERE meeting_id = %d AND user_id = %d"
              % (mid, uid(M2)))[0]
    check(row == [str(uid(HEAD)), "Đồng ý"], "decision row %s" % row)
    # decided: a second decision is refused
    r = decide(HEAD, mid, M2, "refused")
    check(r.status == 409 and invitation(mid, M2)[1] == "approved", "decided twice: %d" % r.status)


@test
def leave_refused_and_non_chair_deputy_cannot_decide():
    mid = create()
    check(answer(M1, mid, answer="leave", reason="Công tác nước ngoài").status == 303, "leave")
    # the deputy is invited but does not chair this meeting
    r = decide(DEPUTY, mid, M1, "approved")
    check(r.status == 403, "a non-chair deputy decided: %d" % r.status)
    check(invitation(mid, M1)[1] == "pending", "changed by a non-chair")
    r = decide(M2, mid, M1, "approved")
    check(r.status == 403 and invitation(mid, M1)[1] == "pending", "a member decided: %d" % r.status)
    r = decide(HEAD, mid, M1, "refused", "Đề nghị bố trí dự họp")
    check(r.status == 303 and invitation(mid, M1)[1] == "refused", "refuse: %d" % r.status)
    page = client(M1).get("/report/meetings")
    check("chủ trì không đồng ý" in page.text, "the member does not see the refusal")


@test
def delegate_without_opinion_is_flagged():
    mid = create()
    r = answer(M2, mid, answer="delegate", dname="Trần Quốc Khánh", dposition="")
    check(r.status == 422 and invitation(mid, M2)[0] == "none", "delegate without position stored")
    r = answer(M2, mid, answer="delegate", dname="Trần Quốc Khánh", dposition="Phó Chủ tịch UBND phường")
    check(r.status == 303, "delegate: %d" % r.status)
    inv = invitation(mid, M2)
    check(inv[0] == "delegate" and inv[2] == "Trần Quốc Khánh" and inv[3] == "", "stored %s" % inv)
    own = client(M2).get("/report/meetings")
    check('id="flag-%d"' % mid in own.text and "Thiếu ý kiến bằng văn bản" in own.text,
          "the member's page shows no flag")
    wg = client(WG).get("/review/meeting?id=%d" % mid)
    check(re.search(r'id="inv-%d" data-answer="delegate" data-flag="1"' % uid(M2), wg.text),
          "the working group's page shows no flag")
    check("Thiếu ý kiến bằng văn bản" in wg.text, "flag text missing on the WG page")
    lst = client(WG).get("/review/meetings?year=%d" % YEAR)
    check(re.search(r'id="meeting-%d".*?no-opinion">⚠ 1<' % mid, lst.text, re.S), "list has no flag")
    dash = client(HEAD).get("/dashboard/meetings?id=%d" % mid)
    check(dash.status == 200 and 'data-flag="1"' in dash.text and "Thiếu ý kiến bằng văn bản" in dash.text,
          "the dashboard shows no flag: %d" % dash.status)
    check(re.search(r'id="row-%d" data-flag="1"' % mid, dash.text), "dashboard list row not flagged")


@test
def delegate_with_opinion_file():
    mid = create()
    r = answer(M1, mid, files=[("file", "Ý kiến Sở Nội vụ.pdf", PDF, "application/pdf")],
               answer="delegate", dname="Lê Văn Tâm", dposition="Phó Giám đốc Sở Nội vụ", opinion="")
    check(r.status == 303, "delegate with file: %d %s" % (r.status, r.text[:300]))
    f = sql("SELECT id, kind, user_id, original_name FROM meeting_file WHERE meeting_id = %d" % mid)
    check(len(f) == 1 and f[0][1] == "opinion" and f[0][2] == str(uid(M1)) and
          f[0][3] == "Ý kiến Sở Nội vụ.pdf", "file row %s" % f)
    check(invitation(mid, M1)[0] == "delegate", "answer not stored")
    wg = client(WG).get("/review/meeting?id=%d" % mid)
    check(re.search(r'id="inv-%d" data-answer="delegate" data-flag="0"' % uid(M1), wg.text),
          "flagged although the opinion came as a file")
    fid = int(f[0][0])
    d = client(M1).get("/report/meeting-file?id=%d" % fid)
    check(d.status == 200 and d.body == PDF and "attachment" in (d.header("Content-Disposition") or ""),
          "own opinion download: %d" % d.status)
    check(client(HEAD).get("/report/meeting-file?id=%d" % fid).body == PDF, "the chair cannot read it")
    check(client(WG).get("/review/meeting-file?id=%d" % fid).body == PDF, "the WG cannot read it")
    # another invitee does not read someone else's opinion
    check(client(M2).get("/report/meeting-file?id=%d" % fid).status == 404, "another member read it")
    # a file that is not an accepted document: refused, nothing kept
    n = len(sql("SELECT id FROM meeting_file"))
    r = answer(M2, mid, files=[("file", "y-kien.pdf", HTML, "application/pdf")],
               answer="delegate", dname="A", dposition="B")
    check(r.status == 422 and invitation(mid, M2)[0] == "none", "HTML opinion accepted: %d" % r.status)
    check(len(sql("SELECT id FROM meeting_file")) == n, "a refused file was recorded")


@test
def papers_only_for_invitees():
    mid = create()
    c = client(WG)
    body, ctype = multipart({"csrf": c.token("/review/meetings"), "meeting": str(mid), "kind": "paper"},
                            [("file", "Tài liệu họp.pdf", PDF, "application/pdf")])
    r = c.request("POST", "/review/meeting-file", body=body, headers={"Content-Type": ctype}, raw=True)
    check(r.status == 303, "paper upload: %d %s" % (r.status, r.text[:300]))
    fid = int(sql("SELECT id FROM meeting_file WHERE meeting_id = %d AND kind = 'paper'" % mid)[0][0])
    body, ctype = multipart({"csrf": c.token("/review/meetings"), "meeting": str(mid), "kind": "paper"},
                            [("file", "trang.html", HTML, "text/html")])
    r = c.request("POST", "/review/meeting-file", body=body, headers={"Content-Type": ctype}, raw=True)
    check(r.status == 422, "HTML paper accepted: %d" % r.status)
    check(len(sql("SELECT id FROM meeting_file WHERE meeting_id = %d" % mid)) == 1, "refused paper stored")
    check(client(M1).get("/report/meeting-file?id=%d" % fid).body == PDF, "an invitee cannot download")
    # take the outsider off the list (not answered yet): then no papers, no answers, no .ics
    out = client(OUTSIDER, OUTSIDER_PW)
    check(out.get("/report/meeting-file?id=%d" % fid).body == PDF, "invited outsider cannot download")
    r = c.post("/review/meeting-invitee", {"csrf": c.token("/review/meetings"), "id": str(mid),
                                           "action": "remove", "user": str(uid(OUTSIDER))})
    check(r.status == 303 and invitation(mid, OUTSIDER) is None, "remove invitee: %d" % r.status)
    check(out.get("/report/meeting-file?id=%d" % fid).status == 404, "not invited, still downloads")
    check(out.get("/report/meeting.ics?id=%d" % mid).status == 404, "not invited, gets the .ics")
    r = answer(OUTSIDER, mid, password=OUTSIDER_PW, answer="attend")
    check(r.status in (403, 404), "not invited, answered: %d" % r.status)
    check(invitation(mid, OUTSIDER) is None, "an invitation appeared")
    check('id="m-%d"' % mid not in out.get("/report/meetings").text, "meeting listed to a non-invitee")
    # an answered invitee stays on the list
    answer(M1, mid, answer="attend")
    r = c.post("/review/meeting-invitee", {"csrf": c.token("/review/meetings"), "id": str(mid),
                                           "action": "remove", "user": str(uid(M1))})
    check(r.status == 409 and invitation(mid, M1) is not None, "answered invitee removed: %d" % r.status)


@test
def answers_close_when_the_meeting_begins():
    mid = create()
    sql("UPDATE meeting SET starts_at = UTC_TIMESTAMP() - INTERVAL 1 HOUR WHERE id = %d" % mid)
    r = answer(M1, mid, answer="attend")
    check(r.status == 409 and "không nhận trả lời" in r.text, "late answer: %d" % r.status)
    check(invitation(mid, M1)[0] == "none", "a late answer was stored")


@test
def attendance_recorded_and_yearly_report():
    year = YEAR + 1
    mids = [create(date="1%d/03/%d" % (i, year)) for i in range(2)]
    # meeting 1: M1 attends, M2 has leave approved; meeting 2: M1 sends a delegate without opinion, M2 absent
    answer(M1, mids[0], answer="attend")
    answer(M2, mids[0], answer="leave", reason="Ốm")
    decide(HEAD, mids[0], M2, "approved")
    answer(M1, mids[1], answer="delegate", dname="Người thay", dposition="Phó Giám đốc")
    c = client(WG)
    # not begun and not held: refused
    inv = invitation(mids[0], M1)
    r = c.post("/review/meeting-attendance", {"csrf": c.token("/review/meetings"), "id": str(mids[0]),
                                              "att_%d" % uid(M1): "present", "ver_%d" % uid(M1): inv[5]})
    check(r.status == 409 and invitation(mids[0], M1)[4] == "unknown", "recorded before the meeting")
    for mid, marks in ((mids[0], {M1: "present", M2: "absent"}), (mids[1], {M1: "delegate", M2: "absent"})):
        page = c.get("/review/meeting?id=%d" % mid)
        r = c.post("/review/meeting", {"csrf": page.csrf(), "id": str(mid), "version": page.field("version"),
                                       "title": page.field("title"), "date": page.field("date"),
                                       "time": page.field("time"), "end": "", "place": page.field("place"),
                                       "chair": str(uid(HEAD)), "status": "held", "notice": "",
                                       "minutes": "Biên bản: đã họp."})
        check(r.status == 303, "mark held: %d %s" % (r.status, r.text[:300]))
        data = {"csrf": c.token("/review/meetings"), "id": str(mid)}
        for login, mark in marks.items():
            data["att_%d" % uid(login)] = mark
            data["ver_%d" % uid(login)] = invitation(mid, login)[5]
        r = c.post("/review/meeting-attendance", data)
        check(r.status == 303, "attendance: %d" % r.status)
        for login, mark in marks.items():
            check(invitation(mid, login)[4] == mark, "%s not %s" % (login, mark))
    # a stale version for one row: the whole record is refused
    r = c.post("/review/meeting-attendance", {"csrf": c.token("/review/meetings"), "id": str(mids[0]),
                                              "att_%d" % uid(M1): "absent", "ver_%d" % uid(M1): "1"})
    check(r.status == 409 and invitation(mids[0], M1)[4] == "present", "stale attendance: %d" % r.status)
    page = c.get("/review/attendance?year=%d" % year)

    def counts(login):
        m = re.search(r'id="att-%d">.*?</tr>' % uid(login), page.text, re.S)
        check(m is not None, "%s missing from the report" % login)
        return {k: int(v) for k, v in re.findall(r'class="n-(\w+)">(\d+)<', m.group(0))}
    got1, got2 = counts(M1), counts(M2)
    check(got1 == {"invited": 2, "present": 1, "leave": 0, "delegate": 1, "absent": 0, "no_opinion": 1,
                   "unknown": 0}, "M1 counts %s" % got1)
    check(got2 == {"invited": 2, "present": 0, "leave": 1, "delegate": 0, "absent": 2, "no_opinion": 0,
                   "unknown": 0}, "M2 counts %s" % got2)
    h = counts(HEAD)
    check(h["invited"] == 2 and h["unknown"] == 2, "head counts %s" % h)
    csv = c.get("/review/attendance.csv?year=%d" % year)
    check(csv.status == 200 and csv.body.startswith(b"\xef\xbb\xbf"), "csv: %d" % csv.status)
    line = [l for l in csv.text.splitlines() if l.startswith("%d," % uid(M1))]
    check(len(line) == 1 and line[0].endswith(",2,1,0,1,0,1,0"), "csv line %s" % line)
    # the member's own page shows what was recorded; the dashboard counts it
    check("Dự họp thực tế: Có mặt" in client(M1).get("/report/meetings").text, "member sees no attendance")


@test
def edit_conflict_keeps_the_first_save():
    mid = create()
    c = client(WG)
    page = c.get("/review/meeting?id=%d" % mid)
    base = {"csrf": page.csrf(), "id": str(mid), "version": page.field("version"), "title": "Bản A",
            "date": page.field("date"), "time": page.field("time"), "end": "10:30",
            "place": page.field("place"), "chair": str(uid(HEAD)), "status": "planned", "notice": "",
            "minutes": ""}
    check(c.post("/review/meeting", base).status == 303, "first save")
    r = c.post("/review/meeting", dict(base, title="Bản B"))
    check(r.status == 409 and "Người khác vừa sửa" in r.text, "second save: %d" % r.status)
    row = sql("SELECT title, version, ends_at FROM meeting WHERE id = %d" % mid)[0]
    check(row == ["Bản A", "2", "%d-12-18 03:30:00" % YEAR], "stored %s" % row)
    r = c.post("/review/meeting", dict(base, version="2", time="99:00", title="Bản C"))
    check(r.status == 422 and sql("SELECT title FROM meeting WHERE id = %d" % mid)[0][0] == "Bản A",
          "bad time on edit: %d" % r.status)


@test
def ics_parses():
    mid = create(title="Phiên họp Quý 4, năm %d; Ban Chỉ đạo" % YEAR, time="08:30")
    answer(M1, mid, answer="attend")
    for c, path in ((client(WG), "/review/meeting.ics?id=%d" % mid),
                    (client(M1), "/report/meeting.ics?id=%d" % mid)):
        r = c.get(path)
        check(r.status == 200 and (r.header("Content-Type") or "").startswith("text/calendar"),
              "%s: %d %s" % (path, r.status, r.header("Content-Type")))
        check(b"\r\n" in r.body and all(len(l) <= 75 for l in r.body.split(b"\r\n")), "lines not folded")
        cal = icalendar.Calendar.from_ical(r.body)
        ev = [e for e in cal.walk("VEVENT")]
        check(len(ev) == 1, "events: %d" % len(ev))
        ev = ev[0]
        check(str(ev["SUMMARY"]) == "Phiên họp Quý 4, năm %d; Ban Chỉ đạo" % YEAR, "summary %r" % ev["SUMMARY"])
        start = ev.decoded("DTSTART")
        check(start.utcoffset() is not None and start.utcoffset().total_seconds() == 0 and
              start.strftime("%Y-%m-%d %H:%M") == "%d-12-18 01:30" % YEAR, "start %r" % start)
        check(str(ev["UID"]) == "meeting-%d@egov-progress.haiphong.gov.vn" % mid, "uid %s" % ev["UID"])
        att = ev.get("ATTENDEE")
        att = att if isinstance(att, list) else [att]
        n = int(sql("SELECT COUNT(*) FROM invitation WHERE meeting_id = %d" % mid)[0][0])
        check(len(att) == n and n > 2, "attendees %d of %d" % (len(att), n))
        m1 = [a for a in att if str(a).endswith(":" + M1)]
        check(len(m1) == 1 and m1[0].params.get("PARTSTAT") == "ACCEPTED", "M1 attendee %r" % m1)
        check("Mang theo tài liệu" in str(ev["DESCRIPTION"]), "description %r" % ev["DESCRIPTION"])
        check(str(cal["METHOD"]) == "PUBLISH", "method")
    seq = int(icalendar.Calendar.from_ical(client(WG).get("/review/meeting.ics?id=%d" % mid).body)
              .walk("VEVENT")[0]["SEQUENCE"])
    check(seq == 1, "sequence %d" % seq)


@test
def demo_meetings_present():
    rows = sql("SELECT m.status, COUNT(i.user_id), SUM(i.answer = 'leave' AND i.leave_decision = 'pending'), "
               "SUM(i.answer = 'delegate') FROM meeting m JOIN period p ON p.id = m.period_id "
               "JOIN invitation i ON i.meeting_id = m.id WHERE m.kind = 'regular' AND p.year = 2026 "
               "AND p.seq = 4 GROUP BY m.id")
    check(len(rows) == 1 and rows[0][0] == "planned" and rows[0][2] == "1" and rows[0][3] == "2",
          "demo Q4 meeting %s" % rows)


run()
