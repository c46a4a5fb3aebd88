-- The views are installed here, by their own SQL files; what a view reads and this database
-- does not hold (the base tables) is found in the warehouse, attached as `gwr` read-only.
use view_rows;
set search_path = 'view_rows.main,gwr.main'
