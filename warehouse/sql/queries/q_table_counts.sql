select 'dim_document' as table_name, count(*) as n from dim_document
union all select 'document_path', count(*) from document_path
union all select 'dim_region', count(*) from dim_region
union all select 'dim_indicator', count(*) from dim_indicator
union all select 'dim_period', count(*) from dim_period
union all select 'fct_indicator_value', count(*) from fct_indicator_value
union all select 'quarantine', count(*) from quarantine
union all select 'ingest_errors', count(*) from ingest_errors
union all select 'document_warnings', count(*) from document_warnings
union all select 'run_log', count(*) from run_log
