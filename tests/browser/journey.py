"""What every browser test shares: one headless Chromium for the whole file,
steps run in order over shared state, a time budget for the whole file, a
screenshot of the page when a step fails, and a SKIP line (not a failure)
when Chromium cannot start at all.

    J = Journey("browser-review", budget=55, wait=15)
    S, D, need, step = J.S, J.D, J.need, J.step

    @step
    def first(): ...

    if __name__ == "__main__":
        J.main()
"""

import os
import signal
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "integration"))
sys.path.insert(0, HERE)

import egov  # noqa: E402
from egov import check, test  # noqa: E402
from webdriver import Driver, Unavailable  # noqa: E402


class _Browser:
    """Stands for the driver before it starts, so test modules can bind D at
    import time."""

    def __init__(self):
        self.driver = None

    def __getattr__(self, name):
        if self.driver is None:
            raise AssertionError("the browser did not start")
        return getattr(self.driver, name)


def alive(el):
    """False once el belongs to a page that has been replaced."""
    try:
        el.tag
        return True
    except Exception:
        return False


class Journey:
    def __init__(self, name, budget, wait=15):
        self.name, self.budget, self.wait = name, budget, wait
        self.S = {}
        self.D = _Browser()
        # the harness names tests after sys.argv[0]: "<name>/<test>"
        sys.argv[0] = name

    def need(self, *keys):
        check("out_of_time" not in self.S, "the test ran out of time (%d s)" % self.budget)
        for k in keys:
            check(k in self.S, "an earlier step failed (no %s)" % k)

    def step(self, fn):
        """@test, plus a screenshot of the page when the step fails."""
        def wrapped():
            try:
                fn()
            except Exception:
                if "out_of_time" not in self.S and self.D.driver is not None:
                    try:
                        self.D.screenshot(os.path.join(egov.VAR, "%s-failure.png" % self.name))
                    except Exception:
                        pass
                raise
        wrapped.__name__ = fn.__name__
        return test(wrapped)

    def click_and_wait(self, el, what):
        """Clicks el (a link or a button) and waits for the next page."""
        old = self.D.find("main")
        el.click()
        self.D.wait(what, lambda: not alive(old), self.wait)
        self.D.wait_find("main h1", self.wait)

    def _out_of_time(self, signum, frame):
        self.S["out_of_time"] = True
        raise AssertionError("%s took more than %d s" % (self.name, self.budget))

    @staticmethod
    def _terminated(signum, frame):
        raise SystemExit(128 + signum)      # the finally below still closes the browser

    def main(self, window=None):
        signal.signal(signal.SIGTERM, self._terminated)
        signal.signal(signal.SIGINT, self._terminated)
        try:
            self.D.driver = Driver.start(timeout=self.wait, log_dir=os.path.join(egov.VAR, "log"))
        except Unavailable as e:
            print("SKIP %s: %s" % (self.name, str(e).replace("\n", " ")[:300]), flush=True)
            sys.exit(0)
        try:
            if window:
                self.D.set_window(*window)
            signal.signal(signal.SIGALRM, self._out_of_time)
            signal.alarm(self.budget)
            egov.run()
        finally:
            signal.alarm(0)
            self.D.close()
