"""Test-session setup that must happen before anything imports Prefect.

Every test session gets its own empty PREFECT_HOME, as on a fresh machine, so
tests never touch a developer's ~/.prefect and always use Prefect's real local
(ephemeral) API. Subprocesses started by tests inherit it. Under pytest-xdist each
worker is a session of its own: two workers' temporary servers never share one
Prefect database.
"""

import os
import tempfile

from settings import apply_prefect_defaults

_session = os.environ.get("PYTEST_XDIST_WORKER", "main")
if os.environ.get("GWR_TEST_SESSION") != _session:
    os.environ["GWR_TEST_SESSION"] = _session
    os.environ["GWR_TEST_PREFECT_HOME"] = os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="gwr-prefect-")
    os.environ.pop("PREFECT_API_URL", None)
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
apply_prefect_defaults()
