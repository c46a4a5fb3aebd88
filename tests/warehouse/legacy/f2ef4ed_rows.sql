-- Rows a f2ef4ed release left behind: one document with a path and two facts, an indicator,
-- a finished run and one a kill -9 left 'running'.
insert into dim_document (doc_id, doc, path, title, region, region_code, year, report_type, encoding,
                          source_format, n_chars, raw_text, extractor_version, first_loaded_run, loaded_at)
values ('d1', 'a.txt', '/corpus/a.txt', '政府工作报告', '万州区', '500101', 2025, 'work_report', 'utf-8', 'text',
        29, '2024年地区生产总值增长6.5%。今年目标增长6%左右。', '1.6.0', 'run-old', timestamp '2025-02-01');
insert into document_path values ('/corpus/a.txt', 'a.txt', 'd1', timestamp '2025-02-01', timestamp '2025-02-01',
                                  'run-old', 'run-old', true);
insert into dim_indicator (code, name_zh, name_en, category, level_unit, scored)
values ('gdp', '地区生产总值', 'Gross regional product', 'economy', '亿元', true);
insert into dim_region values ('500101', '万州区', '500101', 'district', '500100', '重庆市');
insert into fct_indicator_value values
    ('f1', 'd1', '万州区', '500101', '500101', 2024, 'FY', 'gdp', 'growth', 'actual', 6.5, null, '%', 6.5, '%',
     'eq', 'none', '地区生产总值增长6.5%', '2024年地区生产总值增长6.5%。', 5, 17, 0, 18, '1.6.0', 'run-old',
     timestamp '2025-02-01'),
    ('f2', 'd1', '万州区', '500101', '500101', 2025, 'FY', 'gdp', 'growth', 'target', 6.0, null, '%', 6.0, '%',
     'approx', 'soft', '目标增长6%左右', '今年目标增长6%左右。', 20, 28, 18, 29, '1.6.0', 'run-old',
     timestamp '2025-02-01');
insert into run_log (run_id, started_at, finished_at, status, facts_loaded)
values ('run-old', timestamp '2025-02-01', timestamp '2025-02-01 00:01', 'completed', 2),
       ('run-killed', timestamp '2025-02-02', null, 'running', null);
