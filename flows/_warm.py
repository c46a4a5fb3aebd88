"""Imported once by the extraction forkserver: builds jieba's dictionaries and the lexicon before any worker forks.

A whole real report is read, not one sentence: some of the extractor's tables
(jieba's part-of-speech model among them) load on first use deep inside it, and a
worker forked before they load would pay for them inside a document's time limit.

Then everything loaded is frozen out of the garbage collector (`gc.freeze`): a worker shares the
forkserver's memory until it writes a page, and each of its full collections walked every one of
those objects, writing their headers, so that each worker copied the pages of millions of objects
it only reads (jieba's dictionary above all). Frozen, they are never walked: the workers' CPU on a
cold 1,000-document run fell from 9.4 to 8.6 s, and the run from 8.0 to 7.4 s (BENCHMARKS.md).
"""

import datetime
import gc
import signal

# First of all: the forkserver loads this module before it protects itself from ^C, and a Ctrl-C
# in the terminal reaches every process of its group. Killed mid-import, the forkserver printed a
# traceback and the run's pool broke (BrokenProcessPool); gwr itself decides how a run stops.
signal.signal(signal.SIGINT, signal.SIG_IGN)

from settings import SAMPLES_DIR  # noqa: E402
from transforms import process_text  # noqa: E402

_SAMPLES = sorted(SAMPLES_DIR.glob("*.txt"), key=lambda p: p.stat().st_size)
_TEXT = _SAMPLES[-1].read_text(encoding="utf-8") if _SAMPLES else "2024年全区地区生产总值增长6%。"
process_text("warmup.txt", _TEXT, datetime.date.today())

gc.collect()  # what the warm-up left for the collector goes first; the rest is kept for good
gc.freeze()
