"""The working group recomputes a period's figures and charts from its pages:
POST /review/aggregate starts egov-aggregate then egov-charts, detached from
the worker; a new finished run appears and the charts are redrawn."""

import os
import time

from egov import Client, check, ensure_user, run, sql, test, VAR

PW = "password123"


def wg():
    ensure_user("t.agg.wg", "S-KHCN", roles="wg", password=PW)
    return Client().login_ok("t.agg.wg", PW)


def demo_period():
    rows = sql("SELECT id FROM period WHERE kind = 'Q' AND year = 2026 AND seq = 3")
    check(rows, "the demo period Q3/2026 is missing")
    return int(rows[0][0])


def done_runs(pid):
    return int(sql("SELECT COUNT(*) FROM agg_run WHERE period_id = %d AND status = 'done'" % pid)[0][0])


@test
def recompute_on_demand_adds_a_run_and_redraws_the_charts():
    pid = demo_period()
    c = wg()
    before = done_runs(pid)
    index = os.path.join(VAR, "charts", str(pid), "index.tsv")
    mtime = os.stat(index).st_mtime if os.path.exists(index) else 0
    time.sleep(1.1)  # so a redrawn index has a later mtime
    r = c.post("/review/aggregate", {"csrf": c.token("/review/"), "period": str(pid)})
    check(r.status == 303 and "done=aggregate" in (r.header("Location") or ""),
          "POST /review/aggregate: %d %r" % (r.status, r.header("Location")))
    page = c.get(r.header("Location"))
    check('id="flash"' in page.text, "no message that the recomputation started")
    deadline = time.time() + 60
    while time.time() < deadline and not (done_runs(pid) > before and os.path.exists(index)
                                           and os.stat(index).st_mtime > mtime):
        time.sleep(0.5)
    check(done_runs(pid) > before, "no new finished aggregation run")
    check(os.path.exists(index) and os.stat(index).st_mtime > mtime, "the charts were not redrawn")
    who = sql("SELECT COUNT(*) FROM audit a JOIN app_user u ON u.id = a.actor_id WHERE "
              "a.action = 'aggregate_request' AND a.entity_id = '%d' AND u.login = 't.agg.wg'" % pid)
    check(int(who[0][0]) >= 1, "the request is not in the audit trail")


@test
def recompute_needs_the_working_group_and_a_token():
    pid = demo_period()
    c = wg()
    before = int(sql("SELECT COUNT(*) FROM audit WHERE action = 'aggregate_request'")[0][0])
    r = c.post("/review/aggregate", {"period": str(pid)})
    check(r.status == 403, "without a token: %d" % r.status)
    ensure_user("t.agg.officer", "S-NOIVU", password=PW)
    o = Client().login_ok("t.agg.officer", PW)
    r = o.post("/review/aggregate", {"csrf": o.token("/report/"), "period": str(pid)})
    check(r.status == 403, "an officer: %d" % r.status)
    r = c.post("/review/aggregate", {"csrf": c.token("/review/"), "period": "999999"})
    check(r.status == 404, "an unknown period: %d" % r.status)
    after = int(sql("SELECT COUNT(*) FROM audit WHERE action = 'aggregate_request'")[0][0])
    check(after == before, "refused requests were recorded or run")


run()
