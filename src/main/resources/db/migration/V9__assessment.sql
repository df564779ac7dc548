-- Assessment and ranking (issue 4, parts 3 and 4): criteria sets, rounds, self-assessments, reviews, results.

-- A version (code, year) of a criteria set; the tree of groups and criteria, rules and classification levels is the
-- validated JSON document (what the editor, the importers and the exporters read and write).
create table criteria_set (
    id          bigserial primary key,
    code        varchar(60)  not null,
    year        int          not null,
    name        text         not null,
    level       varchar(16)  not null check (level in ('PROVINCE', 'DISTRICT', 'COMMUNE')),
    example     boolean      not null default false,
    max_points  numeric(12, 2) not null,
    document    jsonb        not null,
    created_by  varchar(100) not null,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    unique (code, year)
);

-- The agency whose staff self-assess for an administrative unit (UBND xã X for xã X): the simplest tie between
-- the security model (a user belongs to an agency) and units. Units and agencies belong to the units module;
-- no foreign keys so that its reloads and resets stay independent.
create table assessment_unit_agency (
    unit_id    bigint primary key,
    agency_id  bigint not null
);
create index assessment_unit_agency_agency on assessment_unit_agency (agency_id);

create table assessment_round (
    id              bigserial primary key,
    name            text         not null,
    criteria_set_id bigint       not null references criteria_set (id),
    level           varchar(16)  not null check (level in ('PROVINCE', 'DISTRICT', 'COMMUNE')),
    year            int          not null,
    reference_date  date         not null,
    deadline        date         not null,
    scope_unit_id   bigint,
    status          varchar(16)  not null default 'OPEN' check (status in ('OPEN', 'CLOSED', 'PUBLISHED')),
    created_by      varchar(100) not null,
    created_at      timestamptz  not null default now(),
    published_by    varchar(100),
    published_at    timestamptz
);

-- A unit in scope of a round and the state of its self-assessment.
create table assessment_participant (
    round_id      bigint       not null references assessment_round (id) on delete cascade,
    unit_id       bigint       not null,
    unit_code     varchar(16)  not null,
    unit_name     text         not null,
    status        varchar(16)  not null default 'DRAFT' check (status in ('DRAFT', 'SUBMITTED')),
    submitted_by  varchar(100),
    submitted_at  timestamptz,
    primary key (round_id, unit_id)
);

-- One criterion of one unit's assessment: what the unit reported with its evidence and the points that gives,
-- then the reviewer's decision (accepted, or adjusted with a reason).
create table assessment_answer (
    round_id        bigint        not null,
    unit_id         bigint        not null,
    criterion_code  varchar(60)   not null,
    yes             boolean,
    value           numeric(18, 4),
    numerator       numeric(18, 4),
    denominator     numeric(18, 4),
    proposed_points numeric(12, 2),
    self_points     numeric(12, 2),
    evidence        text,
    updated_by      varchar(100),
    updated_at      timestamptz,
    review          varchar(16) check (review in ('ACCEPTED', 'ADJUSTED')),
    review_points   numeric(12, 2),
    review_reason   text,
    reviewed_by     varchar(100),
    reviewed_at     timestamptz,
    primary key (round_id, unit_id, criterion_code),
    foreign key (round_id, unit_id) references assessment_participant (round_id, unit_id) on delete cascade
);

-- Published results (read-only once the round is published).
create table assessment_result (
    round_id            bigint        not null references assessment_round (id) on delete cascade,
    unit_id             bigint        not null,
    unit_code           varchar(16)   not null,
    unit_name           text          not null,
    total               numeric(12, 2) not null,
    index_value         numeric(12, 6),
    rank                int           not null,
    classification_code varchar(60),
    classification_name text,
    mandatory_met       boolean       not null,
    points              jsonb         not null,
    primary key (round_id, unit_id)
);
