-- The fingerprint of the knowledge dim_indicator and dim_region were last synced from (the
-- extractor's lexicon and region files), so a run syncs them only when that knowledge changed.
create table if not exists dimension_sync (
    fingerprint  varchar not null,
    synced_at    timestamp not null
);
