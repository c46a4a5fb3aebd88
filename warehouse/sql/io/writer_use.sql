-- See writer_attach.sql.
use gwr
