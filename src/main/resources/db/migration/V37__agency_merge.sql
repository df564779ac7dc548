-- Agencies merged by the steering department (owner: units). The merged agency's row is deleted once every module has
-- moved its references (targets, tasks, reports, values, users, notifications...) to the agency it went into, its name
-- and aliases becoming that agency's aliases; this table keeps where it went, so that its old address
-- (/agencies/{id}) and links written before the merge (import reports, notifications) lead to the agency it is now.
-- No foreign key on merged_id: that row is gone. A chain A → B → C is kept flat (A's row then says C).
create table agency_merge (
    merged_id     bigint primary key,
    merged_name   text        not null,
    into_id       bigint      not null references agency (id) on delete cascade,
    province_code varchar(16),
    merged_at     timestamptz not null default now(),
    merged_by     text
);
create index agency_merge_into on agency_merge (into_id);
