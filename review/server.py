"""Serving the review app: uvicorn on 127.0.0.1 (unless told otherwise), the browser opened at it."""

from __future__ import annotations

import threading
import webbrowser

from review.app import ReviewConfig, create_app


def url(config: ReviewConfig) -> str:
    """Where the app answers; an unspecified address (0.0.0.0, ::) is reached on this machine at 127.0.0.1.

    >>> from pathlib import Path
    >>> url(ReviewConfig(Path("gwr.duckdb"), 1, "me", host="0.0.0.0", port=8765))
    'http://127.0.0.1:8765/'
    """
    host = "127.0.0.1" if config.host in ("0.0.0.0", "::", "") else config.host
    return f"http://{host}:{config.port}/"


def serve(config: ReviewConfig, *, open_browser: bool = True) -> None:
    """Bring the warehouse to this gwr's schema, then serve the app until Ctrl-C (or SIGTERM)."""
    import uvicorn

    app = create_app(config)
    app.state.store.prepare()
    if open_browser:  # once the server listens; a browser that cannot start only loses the convenience
        threading.Timer(1.0, webbrowser.open, args=(url(config),)).start()
    uvicorn.run(app, host=config.host, port=config.port, log_level="warning", server_header=False)
