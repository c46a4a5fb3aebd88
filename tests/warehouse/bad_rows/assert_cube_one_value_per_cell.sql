-- A cube that kept the estimate beside the stated result.
create temp table v_cube as
select * from main.v_cube
union all
select * replace (true as is_estimate) from main.v_cube;
