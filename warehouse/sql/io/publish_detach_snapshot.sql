-- Detaching checkpoints the snapshot: one file, no write-ahead log beside it.
detach snapshot
