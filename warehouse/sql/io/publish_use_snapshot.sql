-- The snapshot being built as the current database, while its fact table is declared again
-- with the star schema's keys (warehouse.keys).
use snapshot
