-- Which way is good for an indicator (up / down / none), from the lexicon's `direction`;
-- v_target_vs_actual reads it to decide whether a target was met.
alter table dim_indicator add column if not exists direction varchar default 'none';
update dim_indicator set direction = 'none' where direction is null;
