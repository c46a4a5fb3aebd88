-- The only folders a reader may touch besides the warehouse itself: the export's target,
-- or none. Set before external access is switched off (DuckDB refuses it after).
set allowed_directories = $allowed
