"""The leadership dashboard (egov-dashboard, /dashboard/...): what it shows
against summary tables filled by hand (tests/integration/dash_fixture.py,
periods Q1..Q4/2070), the marks, late and missing units, best and weakest,
tables and CSV (formula neutralisation), charts served only through the
program (X-Accel-Redirect via nginx), path traversal, roles, methods, and how
few statements a page costs.

Own users t.dash.*; own periods in 2070 (and Q1/2071 without figures)."""

import csv
import html
import io
import os
import re

import dash_fixture as fx
from egov import Client, bump_generation, check, ensure_period, ensure_user, run, secrets, sql, sql_as, test

PW = "password123"
F = {}          # the fixture's ids, filled by the first test


def login(user, unit="-", roles="deputy"):
    ensure_user(user, unit, roles=roles, password=PW)
    return Client().login_ok(user, PW)


def deputy():
    if "deputy" not in F:
        F["deputy"] = login("t.dash.deputy")
    return F["deputy"]


def page(path):
    r = deputy().get(path)
    check(r.status == 200, "GET %s: %d %s" % (path, r.status, r.text[:300]))
    return r


def row(text, rid):
    """The <tr id="rid">...</tr> of a page."""
    m = re.search(r'<tr id="%s"[^>]*>(.*?)</tr>' % re.escape(rid), text, re.S)
    check(m, "no row %s" % rid)
    return m.group(0)


def plain(fragment):
    t = html.unescape(re.sub(r"<[^>]+>", " ", fragment))
    return re.sub(r"\s+", " ", t).strip()


def csv_rows(r):
    check(r.status == 200, "CSV: %d" % r.status)
    check(r.header("Content-Type") == "text/csv; charset=utf-8", "CSV type %r" % r.header("Content-Type"))
    check(r.body.startswith(b"\xef\xbb\xbf"), "CSV without a byte order mark")
    check("attachment" in (r.header("Content-Disposition") or ""), "CSV not a download")
    return list(csv.reader(io.StringIO(r.body[3:].decode("utf-8"), newline="")))


def url(path, **kw):
    kw.setdefault("period", F["pid"])
    return path + "?" + "&".join("%s=%s" % kv for kv in kw.items())


@test
def fixture_loads():
    F.update(fx.setup())
    F["dir"], F["charts"] = fx.write_charts(F["pid"], F["ind"], F["unit"])


@test
def head_deputy_and_members_land_on_the_dashboard():
    for who, roles in (("t.dash.deputy2", "deputy"), ("t.dash.head", "head"), ("t.dash.member", "member")):
        c = login(who, roles=roles)
        r = c.get("/")
        check(r.status == 303 and r.header("Location") == "/dashboard/",
              "/ for %s: %d %r" % (roles, r.status, r.header("Location")))
        check(c.get("/dashboard/").status == 200, "/dashboard/ for %s" % roles)


@test
def overview_shows_headline_figures_and_marks():
    r = page(url("/dashboard/"))
    t = r.text
    check("Quý 4/2070" in t, "period label missing")
    # value, target, progress, mark with symbol and text, change since Q3
    h = row(t, "ind-DVC-HS-TRUCTUYEN")
    check('data-mark="met"' in h, "DVC-HS-TRUCTUYEN not met: %s" % plain(h))
    p = plain(h)
    for want in ("75%", "70%", "107%", "✔", "Đạt mục tiêu", "+5 điểm %"):
        check(want in p, "DVC-HS-TRUCTUYEN lacks %r: %s" % (want, p))
    p = plain(row(t, "ind-CQS-VB-DIENTU"))
    for want in ("93%", "98%", "95%", "▲", "Đúng tiến độ"):
        check(want in p, "CQS-VB-DIENTU lacks %r: %s" % (want, p))
    p = plain(row(t, "ind-DVC-PHATSINH"))
    for want in ("35%", "70%", "50%", "▼", "Chậm tiến độ"):
        check(want in p, "DVC-PHATSINH lacks %r: %s" % (want, p))
    # share_yes: stored as a percentage, shown as one
    p = plain(row(t, "ind-HT-CLOUD"))
    check("80%" in p and "100%" in p and "Chậm tiến độ" in p, "HT-CLOUD: %s" % p)
    # a sum: grouped thousands, the unit of measure
    p = plain(row(t, "ind-NL-TAPHUAN"))
    check("12.345 lượt người" in p and "8.000 lượt người" in p and "Đạt mục tiêu" in p, "NL-TAPHUAN: %s" % p)
    p = plain(row(t, "ind-KTS-GRDP"))
    check("Chưa có số liệu" in p and "chưa báo cáo" in p, "KTS-GRDP: %s" % p)
    check('id="ind-DOC-TOTAL"' not in t, "an indicator without a target is a headline")
    # the key figures: 2 met, 1 on track, 2 behind (of 6 with a target), 1 without figures
    for kpi, n in (("met", 2), ("on_track", 1), ("behind", 2)):
        m = re.search(r'id="kpi-%s"><span class="kpi-num">.*?(\d+)</span>' % kpi, t, re.S)
        check(m and int(m.group(1)) == n, "kpi %s: %s" % (kpi, m and m.group(1)))
    check(re.search(r"trên tổng số 6 chỉ tiêu", t), "headline count")
    # when the figures were computed (01:15 UTC = 08:15 in Viet Nam) and from what
    check(re.search(r"<strong>08:15</strong> ngày <strong>04/07/2025</strong>", t), "run time: %s"
          % re.findall(r'<p class="run">.*?</p>', t, re.S)[:1])
    check("đã gửi, đã được chấp nhận" in t and "(104 số liệu)" in t, "run statuses/values")
    # the briefing pack is offered (the fixture wrote one)
    check('href="/dashboard/briefing?period=%d"' % F["pid"] in t, "no briefing link")
    # the legend says how marks are given
    check("mức đạt từ 90% đến dưới 100% mục tiêu năm" in t, "legend")


@test
def overview_lists_late_and_missing_units():
    t = page(url("/dashboard/")).text
    late = row(t, "lm-S-TAICHINH")
    check('data-state="late"' in late and ">5<" in late.replace(" ", ""), "S-TAICHINH: %s" % plain(late))
    check("25/06/2025" in late, "late unit without its submission date")
    miss = re.search(r'<span class="unit-item" id="lm-P-HONGBANG" data-state="missing">(.*?)</span>(;|</p>)',
                     t, re.S)
    check(miss and "đang nhập" in plain(miss.group(1)), "P-HONGBANG not missing with its draft")
    check('id="lm-DT-FORMULA" data-state="missing"' in t, "DT-FORMULA not missing")
    check('id="lm-S-NOIVU"' not in t, "an on-time unit is listed as late")
    # missing first (named per kind, with the days overdue), then late
    check(t.index('id="lm-P-HONGBANG"') < t.index('id="lm-S-TAICHINH"'), "missing units not first")
    days = (__import__("datetime").date.today() - __import__("datetime").date(2025, 6, 20)).days
    check(re.search(r"%d ngày quá hạn" % days, t) or re.search(r"%d ngày quá hạn" % (days + 1), t),
          "days overdue of the missing units")
    # the formula unit's name is escaped, never markup
    check(html.escape(fx.FORMULA_NAME, quote=True) in t or "=HYPERLINK(&quot;" in t, "name not escaped")


@test
def overview_shows_best_and_weakest():
    t = page(url("/dashboard/")).text
    m = re.search(r'<table class="figures podium" id="best-department">(.*?)</table>', t, re.S)
    check(m, "no podium for departments")
    top, bottom = m.group(1).split('class="pbottom"')
    for code in ("S-NOIVU", "S-TAICHINH", "S-KHCN"):
        check('data-unit="%s"' % code in top, "%s not among the best" % code)
    for code in ("S-TUPHAP", "S-YTE", "DT-FORMULA"):
        check('data-unit="%s"' % code in bottom, "%s not among the weakest" % code)
    check('data-unit="VP-UBND"' not in m.group(1), "the middle unit is shown")
    check("91,5" in top, "score with a decimal comma")
    m = re.search(r'<table class="figures podium" id="best-commune">(.*?)</table>', t, re.S)
    check(m and 'data-unit="P-HONGBANG"' in m.group(1) and "pbottom" not in m.group(1),
          "two communes: both leading, none weakest")


@test
def default_period_is_the_latest_computed():
    want = sql("SELECT p.year, p.seq FROM period p JOIN agg_run r ON r.period_id = p.id AND r.status = 'done' "
               "WHERE p.kind = 'Q' ORDER BY p.year DESC, p.cutoff_end DESC LIMIT 1")[0]
    t = page("/dashboard/").text
    check('<span class="period-name">Quý %s/%s</span>' % (want[1], want[0]) in t, "default period")
    # the selector offers computed periods only; Q1/2071 has no figures
    pid71 = ensure_period("Q", 2071, 1)
    t = page("/dashboard/?period=%d" % F["pid"]).text
    check('<option value="%d"' % pid71 not in t, "a period without figures in the selector")
    t = page("/dashboard/?period=%d" % pid71).text
    check("Chưa có số liệu tổng hợp cho kỳ này" in t and 'id="headline"' not in t, "uncomputed period")
    sql("DELETE FROM period_indicator WHERE period_id = %d; DELETE FROM period WHERE id = %d" % (pid71, pid71))


@test
def a_failed_run_is_announced():
    t = page(url("/dashboard/", period=F["pids"][3])).text
    check("Lần tổng hợp gần nhất không thành công" in t, "no failed-run notice for Q3")
    check("Lần tổng hợp gần nhất không thành công" not in page(url("/dashboard/")).text, "notice on Q4")


@test
def pillar_page_table_chart_and_csv():
    t = page(url("/dashboard/pillar", code="digital_government")).text
    p = plain(row(t, "ind-DVC-HS-TRUCTUYEN"))
    check("75%" in p and "66,7%" in p and "76%" in p and "4/17" in p, "pillar row: %s" % p)
    check('id="ind-DOC-TOTAL"' in t, "an indicator without a target is left off its pillar")
    check('src="/dashboard/chart?period=%d&amp;file=pillar-digital_government.svg"' % F["pid"] in t,
          "pillar chart")
    rows = csv_rows(deputy().get(url("/dashboard/csv", table="pillar", code="digital_government")))
    check(rows[0][:4] == ["Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kết quả"], "header %r" % rows[0])
    d = {x[0]: x for x in rows[1:]}
    check(d["DVC-HS-TRUCTUYEN"][3:7] == ["75", "70", "107.1", "Đạt mục tiêu"], "csv %r" % d["DVC-HS-TRUCTUYEN"])
    check(d["DVC-HS-TRUCTUYEN"][10] == "66.666667", "department column %r" % d["DVC-HS-TRUCTUYEN"])
    check(deputy().get(url("/dashboard/pillar", code="no_such_pillar")).status == 404, "unknown pillar")


@test
def indicator_page_trend_units_and_charts():
    i = F["ind"]["DVC-HS-TRUCTUYEN"]
    t = page(url("/dashboard/indicator", id=i)).text
    trend = re.search(r'<table class="figures" id="trend">(.*?)</table>', t, re.S).group(1)
    # the last 8 quarters, oldest first: this fixture's four come last
    labels = re.findall(r"Quý \d/\d{4}", trend)
    check(len(labels) <= 8 and labels[-4:] == ["Quý %d/2070" % q for q in (1, 2, 3, 4)], "trend %r" % labels)
    check('class="current"' in trend and "107%" in trend, "current period row")
    # the chart job's caption from index.tsv, escaped
    check("Chú thích của chương trình vẽ biểu đồ &lt;b&gt;thử&lt;/b&gt;" in t, "index caption")
    # units compared, best first within each kind; kinds without units asked left out
    dep = re.search(r'id="units-department">(.*?)</table>', t, re.S).group(1)
    order = re.findall(r'<tr id="unit-([A-Z-]+)"', dep)
    check(order == ["S-NOIVU", "S-TAICHINH", "DT-FORMULA"], "department order %r" % order)
    check('id="units-commune"' in t and 'id="units-district"' not in t, "kind groups")
    # the department chart exists, the commune one was not drawn: a note, no broken image
    check('file=units-%d-department.svg"' % i in t, "department chart missing")
    check('file=units-%d-commune.svg"' % i not in t, "an img for a chart never drawn")
    check("Biểu đồ của kỳ này chưa được tạo" in t, "no note for the missing chart")
    for path in ("/dashboard/indicator?id=999999", "/dashboard/indicator?id=abc", "/dashboard/indicator"):
        r = deputy().get(path)
        check(r.status in (400, 404), "%s: %d" % (path, r.status))


@test
def unit_page_against_target_and_city():
    u = F["unit"]["S-NOIVU"]
    t = page(url("/dashboard/unit", id=u)).text
    check('data-state="on_time"' in t, "delivery state")
    p = plain(row(t, "ind-DVC-HS-TRUCTUYEN"))
    for want in ("90%", "70%", "129%", "Đạt mục tiêu", "66,7%", "75%", "Tốt hơn"):
        check(want in p, "unit row lacks %r: %s" % (want, p))
    p = plain(row(t, "score-overall"))
    check("91,5" in p and "1 trên 7" in p, "overall score row: %s" % p)
    t = page(url("/dashboard/unit", id=F["unit"]["S-TAICHINH"])).text
    check('data-state="late"' in t and "5 ngày" in plain(t), "late unit")
    check(deputy().get(url("/dashboard/unit", id=999999)).status == 404, "unknown unit")


@test
def ranking_and_timeliness_pages():
    t = page(url("/dashboard/ranking")).text
    dep = re.search(r'id="ranking-department">(.*?)</table>', t, re.S).group(1)
    order = re.findall(r'<tr id="rank-([A-Z-]+)"', dep)
    check(order[:3] == ["S-NOIVU", "S-TAICHINH", "S-KHCN"] and order[-1] == "DT-FORMULA", "ranking %r" % order)
    check('file=ranking-department.svg"' in t, "ranking chart")
    t = page(url("/dashboard/timeliness")).text
    grid = re.search(r'id="status">(.*?)</table>', t, re.S).group(1)
    heads = re.findall(r'<th scope="col" class="st-col">([^<]+)</th>', grid)
    check(heads[-4:] == ["Quý 1/2070", "Quý 2/2070", "Quý 3/2070", "Quý 4/2070"], "columns %r" % heads)
    last = lambda code: re.findall(r'data-state="(\w+)"', row(t, "st-" + code))[-1]
    check(last("S-NOIVU") == "on_time" and last("S-TAICHINH") == "late" and last("P-HONGBANG") == "missing",
          "states %s %s %s" % (last("S-NOIVU"), last("S-TAICHINH"), last("P-HONGBANG")))


@test
def csv_downloads_parse_and_neutralise_formulas():
    c = deputy()
    rows = csv_rows(c.get(url("/dashboard/csv", table="headline")))
    check(rows[0][0] == "Trụ cột" and rows[0][4] == "Kết quả", "header %r" % rows[0])
    d = {x[1]: x for x in rows[1:]}
    check(set(d) == {"DVC-HS-TRUCTUYEN", "CQS-VB-DIENTU", "DVC-PHATSINH", "HT-CLOUD", "NL-TAPHUAN", "KTS-GRDP"},
          "headline rows %r" % sorted(d))
    check(d["NL-TAPHUAN"][4:8] == ["12345", "8000", "154.3", "Đạt mục tiêu"], "NL-TAPHUAN %r" % d["NL-TAPHUAN"])
    check(d["DVC-HS-TRUCTUYEN"][8] == "70", "previous period %r" % d["DVC-HS-TRUCTUYEN"])
    check(d["KTS-GRDP"][4] == "" and d["KTS-GRDP"][7] == "Chưa có số liệu", "no data %r" % d["KTS-GRDP"])
    # a unit name starting with "=" is quoted and neutralised in every CSV it reaches
    i = F["ind"]["DVC-HS-TRUCTUYEN"]
    for table, kw in (("units", {"id": i}), ("late", {}), ("ranking", {}), ("status", {})):
        r = c.get(url("/dashboard/csv", table=table, **kw))
        rows = csv_rows(r)
        names = [x for row_ in rows for x in row_ if "HYPERLINK" in x]
        check(names and all(x.startswith("'=") for x in names), "%s: formula cells %r" % (table, names))
        check(b'"\'=HYPERLINK(""http://evil.example/""' in r.body, "%s: raw cell not quoted" % table)
    rows = csv_rows(c.get(url("/dashboard/csv", table="trend", id=i)))
    check([x[0] for x in rows[-4:]] == ["Quý 1/2070", "Quý 2/2070", "Quý 3/2070", "Quý 4/2070"], "trend csv")
    check([x[1] for x in rows[-4:]] == ["60", "65", "70", "75"], "trend values %r" % rows)
    rows = csv_rows(c.get(url("/dashboard/csv", table="unit", id=F["unit"]["S-NOIVU"])))
    d = {x[1]: x for x in rows[1:]}
    check(d["DVC-HS-TRUCTUYEN"][4:] == ["90", "70", "128.6", "Đạt mục tiêu", "66.666667", "75"],
          "unit csv %r" % d["DVC-HS-TRUCTUYEN"])
    for bad in ("table=nope", "table=units&id=999999", "table=pillar&code=nope", "table=headline&period=999999"):
        r = c.get("/dashboard/csv?" + bad + ("" if "period" in bad else "&period=%d" % F["pid"]))
        check(r.status in (400, 404) and "csv" not in (r.header("Content-Type") or ""), "%s: %d" % (bad, r.status))


@test
def charts_are_served_through_the_program_only():
    c = deputy()
    i = F["ind"]["DVC-HS-TRUCTUYEN"]
    t = page(url("/dashboard/indicator", id=i)).text
    srcs = [html.unescape(s) for s in re.findall(r'<img src="([^"]+)"', t)]
    check(srcs, "no images on the indicator page")
    for src in srcs:
        r = c.get(src)
        check(r.status == 200, "%s: %d" % (src, r.status))
        check(r.header("Content-Type") == "image/svg+xml", "%s: type %r" % (src, r.header("Content-Type")))
        check(r.header("X-Content-Type-Options") == "nosniff", "%s: no nosniff" % src)
        name = src.rsplit("file=", 1)[1]
        with open(os.path.join(F["dir"], name), "rb") as f:
            check(r.body == f.read(), "%s: not the file's bytes" % src)
    # the internal location is not reachable from outside, logged in or not
    for cl in (Client(), c):
        r = cl.get("/charts/%d/trend-%d.svg" % (F["pid"], i))
        check(r.status == 404, "/charts/ directly: %d" % r.status)
    # anonymous: to the login page, never the file
    r = Client().get(srcs[0])
    check(r.status == 303 and r.header("Location") == "/login" and b"<svg" not in r.body, "anonymous chart")
    # a missing chart: 404 from the program
    r = c.get("/dashboard/chart?period=%d&file=units-%d-commune.svg" % (F["pid"], i))
    check(r.status == 404, "missing chart: %d" % r.status)
    # the briefing pack: a PDF download, 404 where the job made none
    r = c.get("/dashboard/briefing?period=%d" % F["pid"])
    check(r.status == 200 and r.header("Content-Type") == "application/pdf" and r.body.startswith(b"%PDF"),
          "briefing: %d %r" % (r.status, r.header("Content-Type")))
    check('attachment; filename="bao-cao-tom-tat-2070-Q4.pdf"' in (r.header("Content-Disposition") or ""),
          "briefing name %r" % r.header("Content-Disposition"))
    r = c.get("/dashboard/briefing?period=%d" % F["pids"][1])
    check(r.status == 404, "briefing of a period without one: %d" % r.status)


@test
def path_traversal_is_refused():
    c = deputy()
    pid = F["pid"]
    # a real file next to the charts (egov.conf is two levels up)
    bad = ["../../egov.conf", "..%2F..%2Fegov.conf", "%2e%2e/%2e%2e/egov.conf", "/etc/passwd",
           "..", ".svg", "a/b.svg", "a\\b.svg", "trend-1.svg%00.png", "trend-1.svg/", "-x.svg",
           "status.SVG", "status.svg.png.", "status.svg%0d%0aX-Accel-Redirect:%20/etc/passwd",
           "index.tsv", "briefing.pdf", "status..svg", "%C0%AE%C0%AE/egov.conf"]
    for f in bad:
        r = c.get("/dashboard/chart?period=%d&file=%s" % (pid, f))
        check(r.status in (400, 404), "file=%s: %d" % (f, r.status))
        check(r.header("X-Accel-Redirect") is None and b"db_password" not in r.body and b"root:" not in r.body,
              "file=%s leaked" % f)
    for p in ("../%d" % pid, "-1", "0", "1e3", "%d/.." % pid, "99999999999999999999"):
        r = c.get("/dashboard/chart?period=%s&file=status.svg" % p)
        check(r.status in (400, 404), "period=%s: %d" % (p, r.status))
    for p in ("../%d" % pid, "abc"):
        r = c.get("/dashboard/briefing?period=%s" % p)
        check(r.status == 400, "briefing period=%s: %d" % (p, r.status))


@test
def roles_methods_and_anonymous():
    pid = F["pid"]
    i = F["ind"]["DVC-HS-TRUCTUYEN"]
    gets = ["/dashboard/", url("/dashboard/pillar", code="digital_government"), url("/dashboard/indicator", id=i),
            url("/dashboard/unit", id=F["unit"]["S-NOIVU"]), url("/dashboard/ranking"), url("/dashboard/timeliness"),
            url("/dashboard/csv", table="headline"), "/dashboard/chart?period=%d&file=status.svg" % pid,
            "/dashboard/briefing?period=%d" % pid]
    for path in gets:
        r = Client().get(path)
        check(r.status == 303 and r.header("Location") == "/login", "anonymous %s: %d" % (path, r.status))
    officer = login("t.dash.officer", "S-NOIVU", "officer")
    for path in gets:
        r = officer.get(path)
        check(r.status == 403, "officer %s: %d" % (path, r.status))
        check(b"<svg" not in r.body and b"%PDF" not in r.body and "csv" not in (r.header("Content-Type") or ""),
              "officer got content at %s" % path)
    for who, unit, roles in (("t.dash.uhead", "S-KHCN", "unit_head"), ("t.dash.wg", "S-KHCN", "wg"),
                             ("t.dash.lead", "S-KHCN", "wg_lead"), ("t.dash.head", "-", "head"),
                             ("t.dash.admin", "-", "admin"), ("t.dash.both", "S-NOIVU", "officer,unit_head")):
        c = login(who, unit, roles)
        for path in gets:
            r = c.get(path)
            check(r.status == 200, "%s %s: %d" % (roles, path, r.status))
    # nothing but GET (and HEAD): 405 even with a valid CSRF token
    c = deputy()
    token = c.get("/dashboard/").csrf()
    check(token, "no token on the dashboard page")
    for path in gets:
        r = c.post(path, {"csrf": token, "period": str(pid)})
        check(r.status == 405 and "GET" in (r.header("Allow") or ""), "POST %s: %d" % (path, r.status))
    for m in ("PUT", "DELETE"):
        r = c.request(m, "/dashboard/")
        check(r.status in (405, 400), "%s /dashboard/: %d" % (m, r.status))
    r = c.request("HEAD", "/dashboard/")
    check(r.status == 200 and r.body == b"", "HEAD: %d" % r.status)
    # data pages are not cached; the usual security headers are there
    r = c.get("/dashboard/")
    for h, v in (("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff"),
                 ("X-Frame-Options", "DENY")):
        check(r.header(h) == v, "%s: %r" % (h, r.header(h)))
    check("frame-ancestors 'none'" in (r.header("Content-Security-Policy") or ""), "CSP")
    check("<script" not in r.text and "style=" not in r.text, "inline script or style on the page")
    # validation: bad numbers, unknown periods
    for path in ("/dashboard/?period=abc", "/dashboard/?period=-3", "/dashboard/pillar?period=%d" % pid,
                 "/dashboard/unit?id=", "/dashboard/csv?period=%d" % pid):
        r = c.get(path)
        check(r.status == 400, "%s: %d" % (path, r.status))
    check(c.get("/dashboard/?period=999999").status == 404, "unknown period")
    check(c.get("/dashboard/nope").status == 404, "unknown page")


@test
def reading_keeps_the_session_alive_and_the_account_reads_only():
    c = login("t.dash.idle")
    uid = int(sql("SELECT id FROM app_user WHERE login = 't.dash.idle'")[0][0])
    sql("UPDATE session SET last_seen = UTC_TIMESTAMP() - INTERVAL 5 MINUTE WHERE user_id = %d" % uid)
    r = c.get(url("/dashboard/"))
    check(r.status == 200, "dashboard after 5 idle minutes: %d" % r.status)
    age = int(sql("SELECT TIMESTAMPDIFF(SECOND, last_seen, UTC_TIMESTAMP()) FROM session "
                  "WHERE user_id = %d" % uid)[0][0])
    check(age < 60, "last_seen not refreshed by the dashboard (%d s old)" % age)
    # the program's account: reads the summary tables, writes nothing but last_seen
    pw = secrets()["DASHBOARD_PW"]
    ok, _ = sql_as("egov_dashboard", pw, "SELECT COUNT(*) FROM agg_value")
    check(ok, "egov_dashboard cannot read agg_value")
    for q in ("DELETE FROM agg_value WHERE period_id = %d" % F["pid"],
              "UPDATE agg_score SET score = 0 WHERE period_id = %d" % F["pid"],
              "INSERT INTO agg_run (period_id, started_at, status, statuses) VALUES (%d, NOW(), 'done', '')" % F["pid"],
              "UPDATE submission SET status = 'accepted' WHERE period_id = %d" % F["pid"],
              "UPDATE session SET csrf = 'x' WHERE user_id = %d" % uid,
              "SELECT pw_hash FROM app_user LIMIT 1", "SELECT * FROM figure LIMIT 1",
              "SELECT * FROM audit LIMIT 1"):
        ok, err = sql_as("egov_dashboard", pw, q)
        check(not ok and "denied" in err, "egov_dashboard may run: %s (%s)" % (q, err.strip()))


@test
def english_pages():
    c = deputy()
    c.cookies["lang"] = "en"
    try:
        r = c.get(url("/dashboard/"))
        check(r.status == 200 and "On target" in r.text and "Q4/2070" in r.text, "English overview")
        check("12,345 lượt người" in plain(row(r.text, "ind-NL-TAPHUAN")), "English number format")
        rows = csv_rows(c.get(url("/dashboard/csv", table="headline")))
        check(rows[0][0] == "Pillar" and rows[0][4] == "Result", "English CSV header %r" % rows[0])
    finally:
        c.cookies.pop("lang", None)


@test
def pages_cost_few_statements():
    """Counts the statements MariaDB executes for one page (the stack serves
    nothing else meanwhile): the session, then the page's own few; nothing
    kept from an earlier request (test_cache.py shows what keeping saves)."""
    c = deputy()
    i = F["ind"]["DVC-HS-TRUCTUYEN"]
    limits = [(url("/dashboard/"), 5), (url("/dashboard/pillar", code="digital_government"), 4),
              (url("/dashboard/indicator", id=i), 4), (url("/dashboard/unit", id=F["unit"]["S-NOIVU"]), 5),
              (url("/dashboard/ranking"), 3), (url("/dashboard/timeliness"), 3),
              (url("/dashboard/csv", table="headline"), 3),
              ("/dashboard/chart?period=%d&file=status.svg" % F["pid"], 1)]

    def executed():
        # the programs run prepared statements only
        return int(sql("SHOW GLOBAL STATUS LIKE 'Com_stmt_execute'")[0][1])

    base = executed()
    idle = executed() - base              # what reading the counter itself costs
    counts = []
    for path, limit in limits:
        n = None
        # several tries: each worker warms its caches and prepared statements
        # once, and the request goes to whichever worker accepts it
        for _ in range(6):
            # a page as the worker builds it, not as it keeps it (gen.h)
            bump_generation()
            before = executed()
            r = c.get(path)
            check(r.status == 200, "%s: %d" % (path, r.status))
            k = executed() - before - idle
            n = k if n is None else min(n, k)
        counts.append("%s=%d" % (path.split("?")[0].rsplit("/", 1)[1] or "overview", n))
        check(n <= limit, "%s ran %d statements (at most %d)" % (path, n, limit))
    print("statements per page: " + ", ".join(counts))


run()
