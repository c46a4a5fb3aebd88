"""jieba with the indicator lexicon: a private tokenizer that knows every indicator wording, and
part-of-speech cuts of the short phrases the facts stage asks about."""

from __future__ import annotations

from functools import cache, lru_cache

import jieba
import jieba.posseg

from transforms.knowledge.lexicon import surface_forms


@cache
def tokenizer() -> jieba.Tokenizer:
    """A private jieba tokenizer that knows every indicator wording.

    jieba's global state is untouched, and the dictionary is built in memory:
    `Tokenizer.initialize()` would write a cache file to the temp directory, which a
    pure stage must not do.
    """
    tok = jieba.Tokenizer()
    with tok.get_dict_file() as fh:
        tok.FREQ, tok.total = tok.gen_pfdict(fh)
    tok.initialized = True
    for form in surface_forms():
        tok.add_word(form, freq=100000, tag="ind")
    return tok


@cache
def pos_tokenizer() -> jieba.posseg.POSTokenizer:
    """Part-of-speech tagging over the private tokenizer (used on short phrases only)."""
    return jieba.posseg.POSTokenizer(tokenizer())


@lru_cache(maxsize=4096)
def pos_cut(text: str) -> tuple[jieba.posseg.pair, ...]:
    """`text` cut into words with their parts of speech (`pos_tokenizer`). The last texts asked
    about are kept: the figures of one run ask about the same words."""
    return tuple(pos_tokenizer().lcut(text))
