-- The public portal (issue 12): what a province chooses to publish beyond its plans, targets and results. For now one
-- choice, the agencies' reporting record (reports on time, late, approved per agency), off until the province's
-- steering department turns it on at /settings/open. One row per province (official code, as plan.province_code).
create table open_setting (
    province_code         varchar(16) primary key,
    publish_agency_league boolean     not null default false,
    updated_by            varchar(100) not null,
    updated_at            timestamptz not null default now()
);
