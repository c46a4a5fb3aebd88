"""A real browser for the review tests: Debian's Chromium driven by Playwright, and `gwr review` as a user starts it.

Playwright never downloads a browser here: it drives the system's `chromium`. Where there is no
such browser (or no Playwright) the tests that need one skip and say why.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import GWR

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium() -> str:
    """The system's Chromium, or a skip saying there is none."""
    pytest.importorskip("playwright.sync_api", reason="Playwright's Python package is not installed")
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.skip("no chromium on this machine (apt-get install chromium fonts-noto-cjk)")
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def review_server(db: Path) -> Iterator[str]:
    """`gwr review --no-browser` on a free port of 127.0.0.1; yields its address, stops it after."""
    port = free_port()
    server = subprocess.Popen([GWR, "review", "--db", str(db), "--port", str(port), "--no-browser"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url + "/", timeout=5) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"gwr review did not start: {server.communicate()[1][-2000:]}") from None
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@contextmanager
def browser_page(executable: str) -> Iterator[Any]:
    """A fresh page of headless Chromium; JavaScript errors and dialogs fail the test that opened it."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900}, device_scale_factor=1)
            page.problems = []
            page.on("pageerror", lambda error: page.problems.append(f"script error: {error}"))
            page.on("dialog", lambda dialog: (page.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
            yield page
        finally:
            browser.close()


SELECT_TEXT = """(quote) => {
  const root = document.getElementById("text");
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent.indexOf(quote);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + quote.length);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    }
  }
  return false;
}"""
