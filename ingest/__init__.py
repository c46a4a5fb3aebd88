"""Ingest: find the files a user named and read their bytes (no decoding, no parsing)."""
