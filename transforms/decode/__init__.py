"""Stage 1, decode: a file's bytes and name in, its text out (`DecodedText`), or an `InputError`.

Reads plain text in any common Chinese encoding, web pages, Word documents and PDFs.
"""

from transforms.decode.decoder import decode, decode_with_warnings

__all__ = ["decode", "decode_with_warnings"]
