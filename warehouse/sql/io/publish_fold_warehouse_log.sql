-- Fold the warehouse's write-ahead log into its file, beside the copy's readers (DuckDB checkpoints
-- while other transactions read): a run's checkpoint, done here instead of after its last commit.
checkpoint gwr
