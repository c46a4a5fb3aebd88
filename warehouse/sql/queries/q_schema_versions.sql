select version, name, sha256
from schema_version
order by version
