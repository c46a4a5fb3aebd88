"""A headless Chromium for the tests that look at pages: the report and Prefect's UI.

Playwright drives the machine's own Chromium (Debian's `chromium`, which `.ci/run` installs);
it never downloads a browser of its own. Where there is no browser, or no Playwright, the test
skips and says which is missing. Screenshots the tests take for the documentation go to
`docs/screenshots/`.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from settings import PROJECT_ROOT

if TYPE_CHECKING:
    from playwright.sync_api import Browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# The flags that work headless as root in a container with no network beyond the loopback.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = PROJECT_ROOT / "docs" / "screenshots"


def screenshot_folder(scratch: Path, docs: Path = SCREENSHOTS) -> Path:
    """Where a browser test saves its screenshots: `docs` (the README's pictures) when GWR_SCREENSHOTS=1, else
    `scratch`, so that a test run does not rewrite tracked files; `make screenshots` refreshes them."""
    folder = docs if os.environ.get("GWR_SCREENSHOTS") == "1" else scratch
    folder.mkdir(parents=True, exist_ok=True)
    return folder
NO_BROWSER = "no headless browser: `apt-get install chromium` (`.ci/run` does) to see the pages drawn"


@contextmanager
def chromium() -> Iterator[Browser]:
    """The machine's Chromium under Playwright; skips the test when either is missing."""
    if CHROMIUM is None:
        pytest.skip(NO_BROWSER)
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed: `make install`")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()
