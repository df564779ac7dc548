-- The cascade (issue 11): a province plan's targets linked to the national targets they implement. Owner: plans.
-- A suggestion is made by dxgov from the texts (score = similarity, see TargetSimilarity); a person confirms or
-- rejects it, or links by hand (origin MANUAL). Only CONFIRMED links count in the national view. A rejected
-- suggestion is kept so that suggesting again does not bring it back.
create table target_link (
    id                 bigserial primary key,
    plan_id            bigint      not null references plan (id) on delete cascade,  -- the implementing plan
    target_id          bigint      not null references target (id) on delete cascade, -- its target
    national_target_id bigint      not null references target (id) on delete cascade, -- the target it implements
    status             varchar(16) not null check (status in ('SUGGESTED', 'CONFIRMED', 'REJECTED')),
    origin             varchar(16) not null check (origin in ('SUGGESTED', 'MANUAL')),
    score              numeric(5, 4),                -- similarity when suggested; null for a link made by hand
    decided_by         text,                         -- who confirmed or rejected, and when
    decided_at         timestamptz,
    created_at         timestamptz not null default now(),
    unique (target_id, national_target_id)
);
create index target_link_plan on target_link (plan_id);
create index target_link_national on target_link (national_target_id) where status = 'CONFIRMED';
