"""Serve the pipeline as a scheduled Prefect deployment; `gwr serve` runs this module as a child process.

    python -m flows.deployment INBOX OPTIONS NAME (--cron EXPR | --interval SECONDS)

OPTIONS is the flow's `RunOptions` as JSON, resolved by `gwr serve`: every scheduled run
gets them as its parameters, whatever environment the runner has. Needs PREFECT_API_URL
pointing at a real Prefect server (the ephemeral API refuses schedules). Running it in its
own process lets `gwr serve` stop it on a bounded deadline, whatever Prefect's runner does
with signals.
"""

from __future__ import annotations

import argparse
from datetime import timedelta

from flows.pipeline import gwr_pipeline
from settings.options import RunOptions


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("inbox")
    ap.add_argument("options", type=RunOptions.model_validate_json, help="the flow's RunOptions as JSON")
    ap.add_argument("name")
    when = ap.add_mutually_exclusive_group(required=True)
    when.add_argument("--cron")
    when.add_argument("--interval", type=float)
    args = ap.parse_args()
    schedule = {"cron": args.cron} if args.cron else {"interval": timedelta(seconds=args.interval)}
    parameters = {"paths": [args.inbox], "options": args.options.model_dump(mode="json")}
    gwr_pipeline.serve(name=args.name, parameters=parameters, print_starting_message=False, **schedule)


if __name__ == "__main__":
    main()
