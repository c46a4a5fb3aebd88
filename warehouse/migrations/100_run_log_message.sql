-- Why a run ended as it did, in the sentence the user saw ("warehouse … is busy", "interrupted
-- after 40 of 196 documents"); null for a plain completed run.
alter table run_log add column if not exists message varchar;
