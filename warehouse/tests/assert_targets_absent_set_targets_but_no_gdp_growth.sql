-- Every report v_targets_absent lists is a current work report that sets at least one target
-- for its own region and year, and no GDP growth target among them.
select absent.doc_id, absent.doc, absent.year
from v_targets_absent as absent
left join v_documents as documents on documents.doc_id = absent.doc_id
where absent.n_targets < 1
    or documents.report_type is distinct from 'work_report'
    or not documents.is_current
    or exists (
        select 1
        from v_facts as facts
        where facts.doc_id = absent.doc_id
            and facts.kind = 'target'
            and facts.indicator = 'gdp'
            and facts.measure = 'growth'
            and facts.year = absent.year
            and facts.region_key = absent.region_key
    )
