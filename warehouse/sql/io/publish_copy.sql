-- Tables with their rows and constraints, views, comments and the schema version.
copy from database gwr to snapshot
