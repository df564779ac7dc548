-- Batch writes of data values by machine clients (issue 12, part 3b).

-- A client's key per value: the same key again with the same content answers "unchanged" (the earlier outcome), with
-- other content it is refused. One row per (actor, key); the actor is the user's name or the API token's name, so two
-- clients never share keys. The unique constraint decides a race between two requests with the same key.
create table data_value_client_key (
    id            bigserial primary key,
    actor         varchar(200) not null,
    client_key    varchar(100) not null,
    -- SHA-256 (hex) of the item as read: indicator, unit, period, figures, comment (not the version)
    item_hash     char(64)     not null,
    -- the line written (no foreign key: data_value belongs to the indicators module); null when nothing was stored
    data_value_id bigint,
    action        varchar(10)  not null check (action in ('CREATED', 'UPDATED', 'DELETED', 'UNCHANGED')),
    created_at    timestamptz  not null,
    constraint data_value_client_key_actor_key unique (actor, client_key)
);

-- A large batch run as a job: processed in chunks on a bounded executor, each chunk all or nothing, progress stored
-- after each chunk. A job whose node stopped is marked FAILED at that node's next start (or after an hour of silence).
create table data_value_batch (
    id            uuid primary key,
    actor         varchar(200) not null,
    province_code varchar(10),
    format        varchar(10)  not null check (format in ('JSON', 'CSV', 'ADX')),
    dry_run       boolean      not null,
    status        varchar(10)  not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    rows_total    integer      not null,
    rows_done     integer      not null default 0,
    created       integer      not null default 0,
    updated       integer      not null default 0,
    deleted       integer      not null default 0,
    unchanged     integer      not null default 0,
    refused       integer      not null default 0,
    -- the first problems (capped), as JSON: [{item, row, field, code, message}]
    problems      text         not null default '[]',
    problem_count integer      not null default 0,
    node          varchar(200) not null,
    created_at    timestamptz  not null,
    started_at    timestamptz,
    finished_at   timestamptz,
    heartbeat_at  timestamptz  not null
);
create index data_value_batch_unfinished on data_value_batch (status) where status in ('QUEUED', 'RUNNING');
