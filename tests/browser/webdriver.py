"""A tiny W3C WebDriver client for the browser tests: starts chromedriver on a
free loopback port, opens one headless Chromium session and speaks the W3C
protocol over HTTP with urllib + json.  Only the standard library is used.

    with Driver.start() as d:          # raises Unavailable if no browser
        d.get(url)
        el = d.find("#login")
        el.send_keys("name")

Every HTTP call and every wait is bounded, so a stuck browser makes a test
fail instead of hanging; close() ends the session, then stops chromedriver
(and whatever it started) by its process group id."""

import base64
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
# The W3C "web element identifier" key.
ELEMENT_KEY = "element-6066-11e4-a52e-4f735466cecf"
# Keys from the WebDriver spec's table of normalised key values.
ENTER = "\ue007"
TAB = "\ue004"

CHROME_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--no-default-browser-check", "--disable-extensions",
    "--lang=vi-VN", "--window-size=1280,900", "--force-device-scale-factor=1",
]


class Unavailable(Exception):
    """The browser or chromedriver could not be started at all."""


class WebDriverError(Exception):
    def __init__(self, error, message, status=None):
        super().__init__("%s: %s" % (error, message.splitlines()[0] if message else ""))
        self.error = error
        self.status = status


class TimeoutError_(AssertionError):
    pass


def free_port():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Element:
    def __init__(self, driver, eid):
        self.d = driver
        self.id = eid

    def _path(self, suffix=""):
        return "/element/%s%s" % (self.id, suffix)

    def click(self):
        self.d.cmd("POST", self._path("/click"), {})

    def clear(self):
        self.d.cmd("POST", self._path("/clear"), {})

    def send_keys(self, text):
        self.d.cmd("POST", self._path("/value"), {"text": text})

    @property
    def text(self):
        return self.d.cmd("GET", self._path("/text"))

    @property
    def tag(self):
        return self.d.cmd("GET", self._path("/name")).lower()

    def prop(self, name):
        return self.d.cmd("GET", self._path("/property/%s" % name))

    def attr(self, name):
        return self.d.cmd("GET", self._path("/attribute/%s" % name))

    def displayed(self):
        return self.d.cmd("GET", self._path("/displayed"))

    def find(self, css):
        v = self.d.cmd("POST", self._path("/element"), {"using": "css selector", "value": css})
        return Element(self.d, v[ELEMENT_KEY])

    def find_all(self, css):
        v = self.d.cmd("POST", self._path("/elements"), {"using": "css selector", "value": css})
        return [Element(self.d, e[ELEMENT_KEY]) for e in v]


class Driver:
    def __init__(self, proc, port, profile, log_path):
        self.proc = proc
        self.port = port
        self.profile = profile
        self.log_path = log_path
        self.base = "http://127.0.0.1:%d" % port
        self.session = None

    # -- life cycle ---------------------------------------------------------

    @classmethod
    def start(cls, timeout=20, log_dir=None):
        """chromedriver + one headless Chromium session, or Unavailable."""
        for exe in (CHROMEDRIVER, CHROMIUM):
            if not os.access(exe, os.X_OK):
                raise Unavailable("%s is not installed" % exe)
        port = free_port()
        profile = tempfile.mkdtemp(prefix="egov-chromium-")
        log_path = os.path.join(log_dir or profile, "chromedriver.log")
        log = open(log_path, "ab")
        try:
            # its own process group: close() can stop chromedriver and the
            # browser it started without touching anything else
            proc = subprocess.Popen([CHROMEDRIVER, "--port=%d" % port, "--log-level=WARNING"],
                                    stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                    start_new_session=True)
        except OSError as e:
            shutil.rmtree(profile, ignore_errors=True)
            raise Unavailable("chromedriver did not start: %s" % e)
        finally:
            log.close()
        d = cls(proc, port, profile, log_path)
        try:
            d._wait_ready(min(timeout, 10))
            d._new_session(timeout)
        except Unavailable:
            d.close()
            raise
        except Exception as e:
            d.close()
            raise Unavailable("browser session did not start: %s" % e)
        except BaseException:           # SystemExit from a signal handler
            d.close()
            raise
        return d

    def _wait_ready(self, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise Unavailable("chromedriver exited with status %s" % self.proc.returncode)
            try:
                v = self._http("GET", "/status", None, 2)
                if v.get("value", {}).get("ready"):
                    return
            except (OSError, ValueError):
                pass
            time.sleep(0.1)
        raise Unavailable("chromedriver not ready after %ds" % timeout)

    def _new_session(self, timeout):
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "pageLoadStrategy": "normal",
            "timeouts": {"implicit": 0, "pageLoad": 20000, "script": 10000},
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": CHROME_ARGS + ["--user-data-dir=%s" % os.path.join(self.profile, "profile")],
            },
        }}}
        try:
            v = self._http("POST", "/session", caps, timeout)
        except urllib.error.HTTPError as e:
            raise Unavailable(_error_text(e))
        except OSError as e:
            raise Unavailable("no answer from chromedriver: %s" % e)
        value = v.get("value", {})
        if "sessionId" not in value:
            raise Unavailable("session not created: %s" % value.get("message", value))
        self.session = value["sessionId"]

    def close(self):
        """Ends the session and stops chromedriver; safe to call twice."""
        if self.session is not None:
            try:
                self._http("DELETE", "/session/%s" % self.session, None, 10)
            except Exception:
                pass
            self.session = None
        if self.proc is not None:
            if self.proc.poll() is None:
                try:
                    os.killpg(self.proc.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
                try:
                    self.proc.wait(5)
                except subprocess.TimeoutExpired:
                    try:
                        os.killpg(self.proc.pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
                    self.proc.wait(5)
            else:
                # chromedriver gone: a browser left in its group goes too
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
            self.proc = None
        if self.profile:
            shutil.rmtree(self.profile, ignore_errors=True)
            self.profile = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- protocol -----------------------------------------------------------

    def _http(self, method, path, body, timeout):
        data = None if body is None else json.dumps(body).encode("utf-8")
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json; charset=utf-8"})
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return json.loads(r.read().decode("utf-8") or "{}")

    def cmd(self, method, path, body=None, timeout=30):
        """One session command; returns its "value" or raises WebDriverError."""
        if self.session is None:
            raise WebDriverError("no session", "the browser session is closed")
        try:
            v = self._http(method, "/session/%s%s" % (self.session, path), body, timeout)
        except urllib.error.HTTPError as e:
            try:
                value = json.loads(e.read().decode("utf-8")).get("value", {})
            except ValueError:
                value = {}
            raise WebDriverError(value.get("error", "http %d" % e.code),
                                 value.get("message", ""), e.code)
        return v.get("value")

    # -- commands -----------------------------------------------------------

    def get(self, url):
        self.cmd("POST", "/url", {"url": url})

    @property
    def url(self):
        return self.cmd("GET", "/url")

    @property
    def title(self):
        return self.cmd("GET", "/title")

    def find(self, css):
        v = self.cmd("POST", "/element", {"using": "css selector", "value": css})
        return Element(self, v[ELEMENT_KEY])

    def find_all(self, css):
        v = self.cmd("POST", "/elements", {"using": "css selector", "value": css})
        return [Element(self, e[ELEMENT_KEY]) for e in v]

    def active(self):
        v = self.cmd("GET", "/element/active")
        return Element(self, v[ELEMENT_KEY])

    def script(self, js, *args):
        a = [{ELEMENT_KEY: x.id} if isinstance(x, Element) else x for x in args]
        return self.cmd("POST", "/execute/sync", {"script": js, "args": a})

    def set_window(self, width, height):
        return self.cmd("POST", "/window/rect", {"width": width, "height": height})

    def screenshot(self, path):
        png = base64.b64decode(self.cmd("GET", "/screenshot"))
        with open(path, "wb") as f:
            f.write(png)
        return len(png)

    def wait(self, what, cond, timeout=20, interval=0.1):
        """Polls cond() until it returns a true value (returned) or times out.
        WebDriver errors inside cond (stale element, no such element while a
        page loads) count as "not yet"."""
        deadline = time.monotonic() + timeout
        last = None
        while True:
            try:
                v = cond()
                if v:
                    return v
            except WebDriverError as e:
                last = e
            if time.monotonic() >= deadline:
                raise TimeoutError_("timed out after %ds waiting for %s%s" %
                                    (timeout, what, " (%s)" % last if last else ""))
            time.sleep(interval)

    def wait_find(self, css, timeout=20):
        return self.wait("element %s" % css, lambda: self.find_all(css) and self.find(css), timeout)


def _error_text(e):
    try:
        value = json.loads(e.read().decode("utf-8")).get("value", {})
        return "%s: %s" % (value.get("error"), (value.get("message") or "").splitlines()[0])
    except Exception:
        return str(e)
