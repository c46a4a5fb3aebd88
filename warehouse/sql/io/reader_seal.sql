-- A reader sees the warehouse and nothing else: no other file (read_csv('/etc/passwd'),
-- COPY … TO, ATTACH), no extension, and no SET that would undo this.
set enable_external_access = false;
set lock_configuration = true
