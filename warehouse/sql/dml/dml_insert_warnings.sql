-- The warnings of the documents of a batch from the registered `incoming_warnings`
-- (path, sha256, stage, message): parts of a file that loaded but were not read.
insert into document_warnings (run_id, path, sha256, stage, message, created_at)
select
    cast($run_id as varchar) as run_id,
    cast(path as varchar) as path,
    cast(sha256 as varchar) as sha256,
    cast(stage as varchar) as stage,
    cast(message as varchar) as message,
    cast($now as timestamp) as created_at
from incoming_warnings
