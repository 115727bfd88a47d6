"""Browser journey of a committee member answering a meeting invitation
(Art. 5.5), in headless Chromium over W3C WebDriver:

  the working group creates a regular meeting (over HTTP) -> the member logs
  in with the keyboard -> opens /report/meetings -> chooses "send a
  delegate", types the delegate's name and position and a written opinion,
  submits -> sees the confirmation and the answer -> the database holds it
  (no "missing written opinion" flag), and the audit trail has the answer.

Own member (tv.browser), own meeting (its title below, in 2048), cleared at
the start, so it runs again on a kept stack.  If Chromium cannot start at all
the suite prints "SKIP browser-meetings: why"."""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from journey import Journey  # noqa: E402

import egov  # noqa: E402
from egov import Client, check, ensure_user, sql  # noqa: E402
from webdriver import ENTER  # noqa: E402

BASE = "http://127.0.0.1:%d" % egov.BASE_PORT
LOGIN = "tv.browser"
NAME = "Thành viên thử nghiệm trình duyệt"
PASSWORD = "Member@2048"
TITLE = "Phiên họp thử nghiệm trình duyệt Quý 4/2048"
DNAME = "Phạm Thị Thu Hà"
DPOSITION = "Phó Giám đốc Sở Tài chính"
OPINION = "Sở Tài chính thống nhất với dự thảo; đề nghị bổ sung kinh phí số hóa (dòng 2)."
WAIT = 15
BUDGET = 55

J = Journey("browser-meetings", BUDGET, WAIT)
S, D, need, step = J.S, J.D, J.need, J.step


def invitation(mid, user):
    rows = sql("SELECT answer, COALESCE(delegate_name, ''), COALESCE(delegate_position, ''), "
               "COALESCE(opinion_text, '') FROM invitation WHERE meeting_id = %d AND user_id = %s" % (mid, user))
    return rows[0] if rows else None


@step
def setup_a_meeting_with_the_member_invited():
    old = "SELECT id FROM meeting WHERE title = '%s'" % TITLE
    sql("DELETE FROM meeting_file WHERE meeting_id IN (%s); DELETE FROM invitation WHERE meeting_id IN (%s); "
        "DELETE FROM meeting_agenda WHERE meeting_id IN (%s); DELETE FROM meeting WHERE title = '%s'"
        % (old, old, old, TITLE))
    ensure_user(LOGIN, "S-TAICHINH", roles="member", password=PASSWORD, name=NAME)
    S["user"] = sql("SELECT id FROM app_user WHERE login = '%s'" % LOGIN)[0][0]
    wg = Client().login_ok("totonghop")
    head = sql("SELECT id FROM app_user WHERE login = 'truongban'")[0][0]
    r = wg.post("/review/meetings", {"csrf": wg.token("/review/meetings"), "kind": "regular", "title": TITLE,
                                     "date": "15/12/2048", "time": "08:30", "end": "11:00",
                                     "place": "Phòng họp số 1", "chair": head, "notice": "Kính mời dự họp."})
    check(r.status == 303, "create meeting: %d" % r.status)
    S["mid"] = int(re.search(r"id=(\d+)", r.header("Location")).group(1))
    check(invitation(S["mid"], S["user"]) == ["none", "", "", ""], "the member is not invited")


@step
def login_with_keyboard():
    need("mid")
    D.get(BASE + "/login")
    login = D.wait_find("#login", WAIT)
    check(D.active().id == login.id, "the login field does not have the focus")
    login.send_keys(LOGIN)
    D.find("#password").send_keys(PASSWORD + ENTER)
    D.wait("the page after login", lambda: "/login" not in D.url, WAIT)
    check(not D.find_all("#login-error"), "login error")
    S["logged_in"] = True


@step
def answer_by_sending_a_delegate():
    need("logged_in")
    D.get(BASE + "/report/meetings")
    art = D.wait_find("#m-%d" % S["mid"], WAIT)
    check(TITLE in art.find("h2").text, "the invitation is not listed: %r" % art.find("h2").text)
    radio = D.find("#ans-delegate-%d" % S["mid"])
    radio.click()
    check(radio.prop("checked") is True, "the delegate choice is not selected")
    for css, text in (("#a-dname-%d", DNAME), ("#a-dposition-%d", DPOSITION), ("#a-opinion-%d", OPINION)):
        box = D.find(css % S["mid"])
        box.click()
        box.send_keys(text)
        check(box.prop("value") == text, "%s holds %r" % (css, box.prop("value")))
    J.click_and_wait(D.find("#send-%d" % S["mid"]), "the page after answering")
    flash = D.wait_find("#flash", WAIT)
    check(flash.text == "Đã gửi trả lời của đồng chí.", "confirmation: %r" % flash.text)
    state = D.find("#state-%d" % S["mid"]).text
    check("Cử người dự thay" in state and DNAME in state, "answer shown as %r" % state)
    check(not D.find_all("#flag-%d" % S["mid"]), "flagged although an opinion was written")
    S["answered"] = True


@step
def the_database_holds_the_answer():
    need("answered")
    inv = invitation(S["mid"], S["user"])
    check(inv == ["delegate", DNAME, DPOSITION, OPINION], "stored %r" % (inv,))
    acts = sql("SELECT action FROM audit WHERE entity = 'invitation' AND entity_id = '%d:%s' AND actor_id = %s"
               % (S["mid"], S["user"], S["user"]))
    check(acts == [["meeting_answer"]], "audit %r" % acts)


if __name__ == "__main__":
    J.main()
