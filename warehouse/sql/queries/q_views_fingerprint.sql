select fingerprint
from schema_views
