"""gwr's settings, the bottom layer: every `GWR_*` variable, its default and its check, and the project's paths.

Every package may import this one and it imports none of them. Only
`settings.environment` reads the environment; the CLI calls it once per command and
passes typed values down, and the flow takes a `settings.options.RunOptions`
(imported from its module: pydantic is loaded only by the commands that run the flow).
"""

from settings.environment import PREFECT_DEFAULTS, Settings, apply_prefect_defaults, from_environment, publish_target
from settings.paths import DEFAULT_DB, PROJECT_ROOT, SAMPLES_DIR, published_beside
from settings.variables import (
    BATCH_SIZE,
    DB_ENV,
    DOC_TIMEOUT,
    HOME_ENV,
    INBOX_ENV,
    LOCK_TIMEOUT,
    MAX_FILE_MB,
    MIN_FREE_MB,
    NUMBERS,
    PUBLISH_ENV,
    PUBLISH_OFF,
    SERVER_START_TIMEOUT,
    WORKERS,
    Number,
    SettingsError,
)

__all__ = [
    "BATCH_SIZE",
    "DB_ENV",
    "DEFAULT_DB",
    "DOC_TIMEOUT",
    "HOME_ENV",
    "INBOX_ENV",
    "LOCK_TIMEOUT",
    "MAX_FILE_MB",
    "MIN_FREE_MB",
    "NUMBERS",
    "PREFECT_DEFAULTS",
    "PROJECT_ROOT",
    "PUBLISH_ENV",
    "PUBLISH_OFF",
    "SAMPLES_DIR",
    "SERVER_START_TIMEOUT",
    "WORKERS",
    "Number",
    "Settings",
    "SettingsError",
    "apply_prefect_defaults",
    "from_environment",
    "publish_target",
    "published_beside",
]
