"""The sentences of a document the extractor reads, found without testing each one.

A news text is read whole: a reader remembers what every sentence says. A report's sentence
yields a fact only if it holds a figure and names an indicator, and most of a report's
sentences do neither: a sentence is read only where `numbers.may_hold_figure` holds and an
indicator wording is written in it. The sentences that may hold a figure are found by one
search of the text from each one found on (a search in C passes the sentences between them),
then each is held to the test itself, so exactly those where `may_hold_figure` holds are read.

Every sentence, read or passed by, is held to the length limit, in text order; a sentence that
names no indicator is still read when it is long enough to hold more figures than the limit
allows, so that a pasted table is refused as it was.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from transforms.errors import ExtractLimitExceeded
from transforms.facts.numbers import figure_from, may_hold_figure
from transforms.facts.subjects import may_name_indicator
from transforms.records import CleanText, Sentence

#: Characters of one sentence; the longest of the development corpora has 641. A longer one is
#: a copy that lost its full stops, or no prose at all.
MAX_SENTENCE_CHARS = 10_000
#: Figures in one sentence; the most of the development corpora is 34.
MAX_SENTENCE_FIGURES = 300
#: The longest sentence that cannot hold more than `MAX_SENTENCE_FIGURES` figures: each figure
#: `find_numbers` gives spans two characters or more (a digit and its unit), and its four kinds
#: (amounts, zero growth, milestones, yuan without 元) each do not overlap among themselves.
_FEW_FIGURES_CHARS = MAX_SENTENCE_FIGURES // 4 * 2


def sentences_to_read(doc: str, clean: CleanText, every: bool) -> Iterator[tuple[Sentence, str, int]]:
    """The sentences to read past the front matter, each with its text and where its line starts:
    all of them (`every`), or those of a report that may yield a fact (see the module doc)."""
    full = clean.text
    front = [s.role == "front" for s in clean.sections]
    line_start = scanned = 0
    for index in range(len(clean.sentences)) if every else _figure_sentences(doc, clean, front):
        sent = clean.sentences[index]
        if front and front[sent.section]:
            continue
        _hold_to_length(doc, sent)
        text = full[sent.start : sent.end]
        if not every and len(text) <= _FEW_FIGURES_CHARS and not may_name_indicator(text):
            continue
        newline = full.rfind("\n", scanned, sent.start)  # the line's start, read on from the last sentence's
        if newline >= 0:
            line_start = newline + 1
        scanned = sent.start
        yield sent, text, line_start


def _figure_sentences(doc: str, clean: CleanText, front: list[bool]) -> Iterator[int]:
    """The indexes of the sentences where `may_hold_figure` holds, in order; the sentences passed
    by are held to the length limit before the next is given.

    A figure that `may_hold_figure` finds in a sentence is found where the whole text is searched
    from the sentence's start or before (its pattern has no lookahead, and its lookbehinds read
    only what it matched), so searching on from the end of each sentence found, or from the start
    of the sentence after a find between two sentences, passes no sentence that holds one; and
    what the whole text's search finds inside a sentence, a search of the sentence alone finds.
    """
    full, sentences = clean.text, clean.sentences
    ends = sentences.ends
    index = pos = checked = 0
    while (found := figure_from(full, pos)) is not None:
        index = bisect_right(ends, found[0], index)
        if index == len(sentences):
            break
        sent = sentences[index]
        if sent.start > found[0]:  # between two sentences
            pos = sent.start
            continue
        _hold_all_to_length(doc, clean, front, checked, index)
        checked = index
        # Found whole inside the sentence, it is found in the sentence alone; else the sentence is tested.
        if found[1] <= sent.end or may_hold_figure(full, sent.start, sent.end):
            yield index  # which `sentences_to_read` holds to the limit itself
            checked = index + 1
        pos, index = sent.end, index + 1
    _hold_all_to_length(doc, clean, front, checked, len(sentences))


def _hold_all_to_length(doc: str, clean: CleanText, front: list[bool], start: int, stop: int) -> None:
    """Hold the sentences start..stop-1 to the length limit (a stretch shorter than it holds none too long)."""
    sentences = clean.sentences
    if stop <= start or sentences.ends[stop - 1] - sentences.starts[start] <= MAX_SENTENCE_CHARS:
        return
    for sent in sentences[start:stop]:
        if not (front and front[sent.section]):
            _hold_to_length(doc, sent)


def _hold_to_length(doc: str, sent: Sentence) -> None:
    if sent.end - sent.start > MAX_SENTENCE_CHARS:
        raise ExtractLimitExceeded(
            f"{doc}: a sentence at character {sent.start:,} is {sent.end - sent.start:,} characters long, over "
            f"the {MAX_SENTENCE_CHARS:,}-character limit for one sentence (a copy that lost its full stops?); "
            "refused."
        )
