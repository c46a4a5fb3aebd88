-- One table's rows as a digest that does not depend on their order: the row count, and for
-- each column the sum of its values' hashes. A document's raw text is left out (its doc_id is
-- the sha256 of its bytes), and so is when a path was last seen, which every run updates.
select
    count(*) as n_rows,
    sum(hash(columns(lambda c: c not in ('raw_text', 'last_seen_at', 'last_seen_run'))))
from query_table($relation)
