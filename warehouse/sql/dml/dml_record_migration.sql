insert into schema_version (version, name, sha256, applied_at)
values ($version, $name, $sha256, $now)
