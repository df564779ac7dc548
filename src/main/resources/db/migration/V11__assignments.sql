-- assignments (giao chỉ tiêu): a decision splits a provincial target into tranches per level and year (how many
-- districts or communes must complete digital transformation in which year) and assigns named units to them.
-- Unit and target ids belong to other modules and are kept without foreign keys (modules own their tables).
create table assignment_decision (
    id               bigserial primary key,
    province_code    text        not null,
    number           text        not null,
    title            text        not null,
    issued_on        date,
    source           text,
    target_id        bigint,
    created_by       text        not null,
    created_at       timestamptz not null default now(),
    unique (province_code, number)
);

create table assignment_tranche (
    id             bigserial primary key,
    decision_id    bigint  not null references assignment_decision (id) on delete cascade,
    level          text    not null check (level in ('DISTRICT', 'COMMUNE')),
    year           int     not null check (year between 2000 and 2100),
    required_count int     not null check (required_count >= 0),
    named          boolean not null default false,
    source         text,
    unique (decision_id, level, year)
);

create table assignment (
    id          bigserial primary key,
    decision_id bigint      not null references assignment_decision (id) on delete cascade,
    tranche_id  bigint      not null references assignment_tranche (id) on delete cascade,
    unit_id     bigint      not null,
    unit_code   text        not null,
    unit_name   text        not null,
    named_as    text,
    assigned_by text        not null,
    assigned_at timestamptz not null default now(),
    unique (decision_id, unit_id)
);
create index assignment_tranche_idx on assignment (tranche_id);

-- published assessment rounds whose results were written into the count targets (round -> target feed)
create table assignment_round_feed (
    round_id  bigint primary key,
    fed_at    timestamptz not null default now(),
    writes    int         not null
);
