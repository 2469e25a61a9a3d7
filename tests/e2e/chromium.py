"""A headless Chromium driven over the DevTools protocol: open a page, collect console errors and network
requests, evaluate JavaScript, take a screenshot. Only what the report test needs; no browser package."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from websockets.sync.client import connect

BINARIES = ("chromium", "chromium-browser", "google-chrome")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--disable-dev-shm-usage", "--hide-scrollbars", "--remote-debugging-port=0",
)


# nothing resolves and every request goes to a closed port (9, discard) - loopback (DevTools) excepted
OFFLINE_FLAGS = (
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", "--proxy-server=http://127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
)


def chromium_binary() -> str | None:
    return next((path for name in BINARIES if (path := shutil.which(name))), None)


@dataclass
class PageVisit:
    """What happened while a page loaded: console/log errors, uncaught exceptions, URLs requested."""

    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


class Browser:
    """One headless Chromium with a fresh profile; use as a context manager."""

    def __init__(self, binary: str, timeout: float = 30.0, offline: bool = False) -> None:
        """`offline`: the network is blocked - no host name resolves, every connection goes to a proxy
        that is not there (loopback excepted, for DevTools), and DevTools emulates a lost connection -
        so a page that needs anything from the net shows it in errors."""
        self.timeout = timeout
        self.offline = offline
        self._profile = tempfile.mkdtemp(prefix="newsetl-chromium-")
        blocked = OFFLINE_FLAGS if offline else ()
        self._proc = subprocess.Popen([binary, *FLAGS, *blocked, f"--user-data-dir={self._profile}", "about:blank"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port = self._wait_for_port()
        # no proxy for a browser on loopback, whatever HTTP(S)_PROXY a CI machine sets
        direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        targets = json.load(direct.open(f"http://127.0.0.1:{port}/json/list", timeout=timeout))
        page = next(t for t in targets if t["type"] == "page")
        self._ws = connect(page["webSocketDebuggerUrl"], max_size=64 * 2**20, open_timeout=timeout, proxy=None)
        self._next_id = 0
        self._events: list[dict[str, Any]] = []

    def _wait_for_port(self) -> int:
        # with --remote-debugging-port=0 Chromium picks a free port and writes it to this file
        marker = Path(self._profile) / "DevToolsActivePort"
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if marker.exists() and (lines := marker.read_text().splitlines()):
                return int(lines[0])
            if self._proc.poll() is not None:
                raise RuntimeError(f"chromium exited with status {self._proc.returncode}")
            time.sleep(0.1)
        raise TimeoutError("chromium did not open its DevTools port")

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        """Call a DevTools method and return its result; events received meanwhile are kept."""
        self._next_id += 1
        self._ws.send(json.dumps({"id": self._next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self._ws.recv(timeout=self.timeout))
            if message.get("id") == self._next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self._events.append(message)

    def _wait_for(self, event: str) -> None:
        if any(e.get("method") == event for e in self._events):
            return
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            message = json.loads(self._ws.recv(timeout=self.timeout))
            self._events.append(message)
            if message.get("method") == event:
                return
        raise TimeoutError(event)

    def visit(self, url: str) -> PageVisit:
        """Load url and wait for its load event; returns the errors and requests seen."""
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")
        if self.offline:
            self.send("Network.emulateNetworkConditions", offline=True, latency=0, downloadThroughput=-1,
                      uploadThroughput=-1)
        self._events.clear()
        self.send("Page.navigate", url=url)
        self._wait_for("Page.loadEventFired")
        self.evaluate("new Promise(r => requestAnimationFrame(() => r(true)))")  # one frame painted
        return self.seen()

    def seen(self) -> PageVisit:
        """The errors and requests since the last visit() began, those of scripts run after the load
        event included (events arrive with every DevTools call)."""
        visit = PageVisit()
        for e in self._events:
            method, p = e.get("method"), e.get("params", {})
            if method == "Runtime.exceptionThrown":
                visit.errors.append(p["exceptionDetails"].get("text", "exception"))
            elif method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                visit.errors.append(" ".join(str(a.get("value", a.get("description"))) for a in p.get("args", [])))
            elif method == "Log.entryAdded" and p["entry"].get("level") == "error":
                visit.errors.append(f"{p['entry'].get('text')} ({p['entry'].get('url', '')})")
            elif method == "Network.requestWillBeSent":
                visit.requests.append(p["request"]["url"])
            elif method == "Network.loadingFailed":
                visit.errors.append(f"failed to load: {p.get('errorText')}")
        return visit

    def wait_until(self, expression: str, timeout: float | None = None) -> Any:
        """Evaluate `expression` until it is truthy (scripts that run after the load event); its value."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while (value := self.evaluate(expression)) in (None, False, 0, "", []):
            if time.monotonic() > deadline:
                raise TimeoutError(expression)
            time.sleep(0.1)
        return value

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"].get("text"))
        return result["result"].get("value")

    def screenshot(self, path: Path, width: int = 1200) -> Path:
        """A PNG of the whole page (not just the viewport) at the given CSS width."""
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=900, deviceScaleFactor=1, mobile=False)
        height = int(self.evaluate("document.documentElement.scrollHeight"))
        shot = self.send("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                         clip={"x": 0, "y": 0, "width": width, "height": height, "scale": 1})
        path.write_bytes(base64.b64decode(shot["data"]))
        return path

    def close(self) -> None:
        try:
            self._ws.close()
        finally:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
            shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
