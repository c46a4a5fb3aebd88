-- Every current row of the registered `incoming_paths` (path): the file is gone, so its path
-- stops being current (rows are kept as history); returns the number of paths retired.
update document_path
set
    is_current = false,
    last_seen_run = $run_id,
    retired_run = $run_id,
    retired_at = $now
from incoming_paths as gone
where document_path.path = gone.path
    and document_path.is_current
