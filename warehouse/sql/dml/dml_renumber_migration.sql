-- A migration renumbered to follow the numbering rule (warehouse.migrate.RENUMBERED) keeps its
-- history: the row an older gwr recorded under the old number and name takes the new ones, with
-- its sha256 (the text did not change) and applied_at. A file without the old row is untouched.
update schema_version
set version = $version, name = $name
where version = $old_version and name = $old_name
