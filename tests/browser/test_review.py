"""Browser journey of a working group reviewer, in headless Chromium driven
over W3C WebDriver (tests/browser/webdriver.py, standard library only):

  two units' forms submitted (over HTTP, as their officers) -> the reviewer
  logs in with the keyboard -> the queue, filtered to the period -> opens the
  first (oldest) form and accepts it -> opens the next, tries to return it
  without a comment (refused), types a comment and returns it -> both
  statuses checked in the database.

Own reviewer (rv.browser), units (TEST-RV-B1, TEST-RV-B2) and period
(Q4/2049), cleared at the start, so it runs again on a kept stack.  If
Chromium cannot start at all the suite prints "SKIP browser-review: why"."""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from journey import Journey  # noqa: E402

import egov  # noqa: E402
from egov import Client, check, complete_values, ensure_period, ensure_user, sql  # noqa: E402
from webdriver import ENTER  # noqa: E402


BASE = "http://127.0.0.1:%d" % egov.BASE_PORT
LOGIN = "rv.browser"
NAME = "Tổ công tác thử nghiệm trình duyệt"
PASSWORD = "Review@2049"
OFFICER_PW = "password123"
UNITS = ("TEST-RV-B1", "TEST-RV-B2")
YEAR, SEQ = 2049, 4
COMMENT = "Đề nghị bổ sung số liệu DVC-TT và gửi lại trước ngày 25/12/2049."
WAIT = 15                       # seconds, the bound of every wait
BUDGET = 55                     # seconds for the whole journey

J = Journey("browser-review", BUDGET, WAIT)
S, D, need, step = J.S, J.D, J.need, J.step


def submission(sid):
    rows = sql("SELECT status, COALESCE(review_comment, 'NULL'), COALESCE(reviewed_by, 'NULL'), "
               "reviewed_at IS NOT NULL FROM submission WHERE id = %d" % sid)
    return rows[0] if rows else None


@step
def setup_two_submitted_forms():
    pid = ensure_period("Q", YEAR, SEQ)             # open, without forms
    ids = []
    for code in UNITS:
        sql("INSERT INTO unit (code, name, kind, valid_from, valid_to) VALUES ('%s', 'Phường thử %s', "
            "'commune', '2000-01-01', NULL) ON DUPLICATE KEY UPDATE name = VALUES(name), kind = 'commune', "
            "valid_from = '2000-01-01', valid_to = NULL" % (code, code[-2:]))
        login = "rv.o." + code.lower()
        ensure_user(login, code, password=OFFICER_PW)
        c = Client().login_ok(login, OFFICER_PW)
        page = c.get("/report/form?period=%d" % pid)
        check(page.status == 200, "%s's form: %d" % (code, page.status))
        data = {"csrf": page.csrf(), "version": page.field("version"), "action": "submit"}
        data.update(complete_values(page))
        r = c.post("/report/form?period=%d" % pid, data)
        check(r.status == 303, "%s's submit: %d" % (code, r.status))
        ids.append(int(sql("SELECT s.id FROM submission s JOIN unit u ON u.id = s.unit_id WHERE u.code = '%s' "
                           "AND s.period_id = %d" % (code, pid))[0][0]))
    # B1 sent first: the oldest, at the head of the queue
    sql("UPDATE submission SET submitted_at = '2049-12-16 02:00:00' WHERE id = %d; "
        "UPDATE submission SET submitted_at = '2049-12-17 02:00:00' WHERE id = %d" % tuple(ids))
    ensure_user(LOGIN, "-", roles="wg", password=PASSWORD, name=NAME)
    S["wg"] = sql("SELECT id FROM app_user WHERE login = '%s'" % LOGIN)[0][0]
    S["period"], S["ids"] = pid, ids


@step
def login_with_keyboard():
    need("ids")
    D.get(BASE + "/login")
    login = D.wait_find("#login", WAIT)
    check(D.active().id == login.id, "the login field does not have the focus")
    login.send_keys(LOGIN)
    D.find("#password").send_keys(PASSWORD + ENTER)     # Enter submits the form
    D.wait("the page after login", lambda: "/login" not in D.url, WAIT)
    check(not D.find_all("#login-error"), "login error")
    # the working group lands on its overview
    check(D.url.endswith("/review/"), "landed on %s, not /review/" % D.url)
    h1 = D.wait_find("main h1", WAIT).text
    check(h1 == "Tổng quan kỳ báo cáo", "the overview did not show: %r" % h1)
    who = D.wait_find(".who", WAIT).text
    check(NAME in who, "header does not name the reviewer: %r" % who)
    S["logged_in"] = True


def filter_queue_to_the_period():
    nav = D.wait_find('nav.subnav a[href="/review/queue"]', WAIT)
    J.click_and_wait(nav, "the queue")
    D.find('#f-period option[value="%d"]' % S["period"]).click()
    D.find('#f-status option[value="submitted"]').click()
    J.click_and_wait(D.find("form.filters button[type=submit]"), "the filtered queue")
    check("period=%d" % S["period"] in D.url, "the filter is not applied: %s" % D.url)
    return [re.search(r"id=(\d+)", a.attr("href")).group(1)
            for a in D.find_all('table.queue a[href^="/review/submission?id="]')]


@step
def queue_lists_the_two_forms_oldest_first():
    need("logged_in")
    ids = filter_queue_to_the_period()
    check(ids == [str(i) for i in S["ids"]], "queue of Q4/2049: %r, want %r" % (ids, S["ids"]))
    S["queue"] = True


@step
def open_the_first_and_accept_it():
    need("queue")
    first = D.find('table.queue a[href="/review/submission?id=%d"]' % S["ids"][0])
    J.click_and_wait(first, "the first form")
    status = D.wait_find("#sub-status", WAIT)
    check(status.text == "Đã gửi đúng hạn", "status of the first form: %r" % status.text)
    J.click_and_wait(D.find("#btn-accept"), "the page after accepting")
    flash = D.wait_find("#flash", WAIT)
    check(flash.text == "Đã chấp nhận báo cáo.", "flash after accepting: %r" % flash.text)
    check(D.find("#sub-status").text == "Đã chấp nhận", "status after accepting: %r" % D.find("#sub-status").text)
    check(D.find_all("#btn-reopen") and not D.find_all("#btn-accept"), "the buttons after accepting")
    S["accepted"] = True


@step
def open_the_next_and_return_it_with_a_comment():
    need("queue")
    ids = filter_queue_to_the_period()
    want = [str(S["ids"][1])] if "accepted" in S else [str(i) for i in S["ids"]]
    check(ids == want, "queue after accepting: %r, want %r" % (ids, want))
    J.click_and_wait(D.find('table.queue a[href="/review/submission?id=%d"]' % S["ids"][1]), "the second form")
    D.wait_find("#btn-return", WAIT)
    # without a comment: refused, and said so
    J.click_and_wait(D.find("#btn-return"), "the page after returning without a comment")
    err = D.wait_find("#sub-error", WAIT)
    check("hãy ghi ý kiến" in err.text, "no message for a missing comment: %r" % err.text)
    check(submission(S["ids"][1])[0] == "submitted", "returned without a comment")
    # type the comment, then return
    box = D.find("#comment")
    box.click()
    box.send_keys(COMMENT)
    check(box.prop("value") == COMMENT, "the comment box holds %r" % box.prop("value"))
    J.click_and_wait(D.find("#btn-return"), "the page after returning")
    flash = D.wait_find("#flash", WAIT)
    check(flash.text == "Đã trả lại báo cáo cho đơn vị kèm ý kiến.", "flash after returning: %r" % flash.text)
    check(D.find("#sub-status").text == "Bị trả lại", "status after returning: %r" % D.find("#sub-status").text)
    check(D.find("#review-comment").text == COMMENT, "comment shown as %r" % D.find("#review-comment").text)
    S["returned"] = True


@step
def both_decisions_stored_in_the_database():
    need("ids")
    first, second = (submission(i) for i in S["ids"])
    check(first == ["accepted", "NULL", S["wg"], "1"], "first form: %r" % (first,))
    check(second == ["returned", COMMENT, S["wg"], "1"], "second form: %r" % (second,))
    acts = sql("SELECT entity_id, action FROM audit WHERE entity = 'submission' AND entity_id IN ('%d', '%d') "
               "AND action IN ('accept', 'return') AND actor_id = %s ORDER BY id" % (S["ids"][0], S["ids"][1], S["wg"]))
    check(acts == [[str(S["ids"][0]), "accept"], [str(S["ids"][1]), "return"]], "audit: %r" % acts)


if __name__ == "__main__":
    J.main()
