-- Versions of a plan (issue 11, part 4). A document imported again with changes (same number and issuer, or a
-- near-identical text) is stored as a draft that is a version of the plan already there; publishing it supersedes
-- the old version, which stays readable as history but no longer counts as a current plan anywhere.
-- Owner: plans.
alter table plan add column version_of bigint references plan (id) on delete set null; -- the plan this draft revises
alter table plan add column version_no int not null default 1;                            -- 1, 2, ... along the chain
alter table plan add column superseded_by bigint references plan (id) on delete set null; -- the version that replaced it
alter table plan add column superseded_at timestamptz;
alter table plan drop constraint plan_status_check;
alter table plan add constraint plan_status_check check (status in ('DRAFT', 'PUBLISHED', 'SUPERSEDED'));
create index plan_version_of on plan (version_of);
