-- The views are installed here; what a view reads and this database does not hold (the base
-- tables, a view not installed here) is found in the warehouse, attached as `gwr` read-only.
use view_rows;
set search_path = 'view_rows.main,gwr.main'
