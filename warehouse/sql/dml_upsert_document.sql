-- Same bytes => same doc_id. A re-extraction refreshes what the extractor decides (metadata,
-- version) but keeps the first name, path and run the document was loaded under.
insert into dim_document (
    doc_id, doc, path, title, region, region_code, year, report_type, published, encoding,
    source_format, n_chars, raw_text, extractor_version, first_loaded_run, loaded_at
)
values (
    $doc_id, $doc, $path, $title, $region, $region_code, $year, $report_type, cast($published as date), $encoding,
    $source_format, $n_chars, $raw_text, $extractor_version, $run_id, $now
)
on conflict (doc_id) do update set
    title = excluded.title,
    region = excluded.region,
    region_code = excluded.region_code,
    year = excluded.year,
    report_type = excluded.report_type,
    published = excluded.published,
    encoding = excluded.encoding,
    source_format = excluded.source_format,
    n_chars = excluded.n_chars,
    extractor_version = excluded.extractor_version,
    loaded_at = excluded.loaded_at
