"""Stage 2, clean: decoded text in, `CleanText` out — normalised characters, page furniture
dropped, sections and sentences found, and a map from every clean character to its raw offset."""

from transforms.clean.text import clean_text

__all__ = ["clean_text"]
