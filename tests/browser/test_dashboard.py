"""The leadership dashboard in headless Chromium, driven over W3C WebDriver
(tests/browser/webdriver.py, standard library only):

  a deputy logs in -> lands on /dashboard/ -> the overview of Q4/2070 (the
  figures of tests/integration/dash_fixture.py) -> screenshot -> every table
  is there -> every page's charts loaded (naturalWidth > 0 for every <img>)
  -> another period through the period form.

The test makes its own deputy (browser.deputy) and its own figures and chart
files (periods Q1..Q4/2070), so it runs again on a kept stack.  Screenshots:
$TEST_VAR/browser-dashboard.png (the overview, whole page) and
$TEST_VAR/browser-dashboard-indicator.png.  If Chromium cannot start at all
the suite prints "SKIP browser/dashboard: why" instead of failing."""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from journey import Journey  # noqa: E402

import dash_fixture as fx  # noqa: E402
import egov  # noqa: E402
from egov import check, ensure_user  # noqa: E402
from webdriver import ENTER  # noqa: E402


BASE = "http://127.0.0.1:%d" % egov.BASE_PORT
LOGIN = "browser.deputy"
PASSWORD = "Browser@2026"
WAIT = 20
BUDGET = 90
SHOT = os.path.join(egov.VAR, "browser-dashboard.png")
SHOT_IND = os.path.join(egov.VAR, "browser-dashboard-indicator.png")

J = Journey("browser", BUDGET, WAIT)
S, D, need, step = J.S, J.D, J.need, J.step

# every <img> of the page: finished loading, and with its natural size
IMAGES_JS = """return Array.from(document.images).map(function (i) {
  return {src: i.getAttribute('src'), complete: i.complete, w: i.naturalWidth, alt: i.alt}; });"""


def images_loaded(min_count=0):
    """Waits until every image finished loading; fails on a broken one."""
    def ready():
        v = D.script(IMAGES_JS)
        return (v,) if len(v) >= min_count and all(i["complete"] for i in v) else None

    imgs = D.wait("images to load", ready, WAIT)[0]
    check(len(imgs) >= min_count, "%d images on %s, expected at least %d" % (len(imgs), D.url, min_count))
    broken = [i["src"] for i in imgs if not i["complete"] or i["w"] <= 0]
    check(not broken, "images not loaded on %s: %s" % (D.url, ", ".join(broken)))
    check(all(i["alt"] for i in imgs), "an image without alt text on %s" % D.url)
    return imgs


def full_page_shot(path):
    """The whole page: the window as tall as the page (within reason)."""
    h = D.script("return document.documentElement.scrollHeight")
    D.set_window(1280, min(max(h + 40, 900), 6000))
    time.sleep(0.3)
    n = D.screenshot(path)
    D.set_window(1280, 900)
    return n


@step
def dashboard_figures_ready():
    F = fx.setup()
    fx.write_charts(F["pid"], F["ind"], F["unit"])
    ensure_user(LOGIN, "-", roles="deputy", password=PASSWORD, name="Phó Trưởng ban (thử nghiệm trình duyệt)")
    S.update(F)
    S["ready"] = True


@step
def dashboard_deputy_logs_in():
    need("ready")
    D.get(BASE + "/login")
    D.wait_find("#login").send_keys(LOGIN)
    D.find("#password").send_keys(PASSWORD + ENTER)
    D.wait("the dashboard after login", lambda: D.url.endswith("/dashboard/"), WAIT)
    S["in"] = True


@step
def dashboard_overview_and_screenshot():
    need("in")
    D.get(BASE + "/dashboard/?period=%d" % S["pid"])
    D.wait_find("#headline")
    check("Quý 4/2070" in D.find("h1").text, "period in the title: %r" % D.find("h1").text)
    for css, n in (("#headline tbody tr[data-mark]", 6), ("#pillars tbody tr", 1), ("#late-missing tbody tr", 1), ("#missing .unit-item", 2),
                   ("#best-department tbody tr[data-unit]", 6), (".kpi", 4)):
        got = len(D.find_all(css))
        check(got >= n, "%s: %d rows, expected at least %d" % (css, got, n))
    mark = D.find("#ind-DVC-HS-TRUCTUYEN .mark").text
    check("Đạt mục tiêu" in mark and "✔" in mark, "mark text %r" % mark)
    images_loaded()
    check(full_page_shot(SHOT) > 10000, "screenshot too small")
    S["overview"] = True


@step
def dashboard_every_chart_loads():
    need("overview")
    i = S["ind"]["DVC-HS-TRUCTUYEN"]
    pages = [("/dashboard/indicator?id=%d&period=%d" % (i, S["pid"]), 2, "#trend"),
             ("/dashboard/pillar?code=digital_government&period=%d" % S["pid"], 1, "#pillar-figures"),
             ("/dashboard/unit?id=%d&period=%d" % (S["unit"]["S-NOIVU"], S["pid"]), 1, "#values"),
             ("/dashboard/ranking?period=%d" % S["pid"], 2, "#ranking-department"),
             ("/dashboard/timeliness?period=%d" % S["pid"], 1, "#status")]
    for path, n, table in pages:
        D.get(BASE + path)
        D.wait_find(table)
        images_loaded(n)
        if path.startswith("/dashboard/indicator"):
            # the commune chart was never drawn: a note instead of a broken image
            check(D.find_all("#group-commune .chart-missing"), "no note for the missing commune chart")
            check(len(D.find_all("#trend tbody tr")) >= 4, "trend rows")
            full_page_shot(SHOT_IND)
    S["charts"] = True


@step
def dashboard_another_period():
    need("charts")
    D.get(BASE + "/dashboard/?period=%d" % S["pid"])
    D.wait_find("#period")
    D.find('#period option[value="%d"]' % S["pids"][3]).click()
    D.find(".period-form button").click()
    D.wait("the Q3 page", lambda: D.url.endswith("period=%d" % S["pids"][3]), WAIT)
    check("Quý 3/2070" in D.find("h1").text, "Q3 title %r" % D.find("h1").text)
    check("không thành công" in D.find("main").text, "the failed run of Q3 is not announced")


if __name__ == "__main__":
    J.main(window=(1280, 900))
