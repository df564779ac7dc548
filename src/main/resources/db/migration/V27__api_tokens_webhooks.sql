-- Machine API tokens (security module) and the webhook deliveries made for them (webhooks module), issue 12.
--
-- A token is shown once as dxg_<lookup_id>_<secret>; only HMAC-SHA256(server key, secret) is kept (secret_hash), so a
-- copy of the database does not give working tokens. The server key comes from DXGOV_TOKEN_KEY; without it one is
-- generated once and kept in api_token_key, so that tokens survive restarts (production should set the variable:
-- then the database alone is not enough to forge or check a token).

create table api_token_key (
    id         smallint primary key check (id = 1),
    key_bytes  bytea       not null,
    created_at timestamptz not null default now()
);

create table api_token (
    id             bigserial primary key,
    name           varchar(80)  not null,
    -- the public part of the token, to find its row without comparing secrets
    lookup_id      varchar(16)  not null unique,
    secret_hash    bytea        not null,
    -- the province the token acts in; null only for a token of a national agency
    province_code  varchar(16),
    -- the agency the token writes or reads for (no foreign key: agencies are the units module's; an agency that
    -- disappears leaves a token that no longer matches any line, and the administrator revokes it)
    agency_id      bigint,
    access         varchar(8)   not null check (access in ('READ', 'WRITE')),
    -- the indicators the token may read and write, null: every indicator its role may
    indicator_ids  bigint[],
    expires_at     timestamptz  not null,
    revoked_at     timestamptz,
    revoked_by     varchar(100),
    created_by     varchar(100) not null,
    created_at     timestamptz  not null default now(),
    -- written at most once a minute per token
    last_used_at   timestamptz,
    webhook_url    varchar(2000),
    -- the webhook signing secret, encrypted (AES-GCM with a key derived from the server key): shown once
    webhook_secret bytea,
    check (province_code is not null or agency_id is not null)
);

-- a name is unique within its province (national agencies' tokens share the empty province)
create unique index api_token_name on api_token (coalesce(province_code, ''), lower(name));

create table webhook_delivery (
    id               bigserial primary key,
    -- the api_token it is for (no foreign key: the token belongs to the security module; revoking keeps the log)
    token_id         bigint       not null,
    event_type       varchar(40)  not null,
    -- what happened, e.g. the submission and its version: one delivery per token and event
    event_key        varchar(100) not null,
    payload          jsonb        not null,
    status           varchar(12)  not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null default now(),
    last_status_code integer,
    last_error       varchar(500),
    created_at       timestamptz  not null default now(),
    delivered_at     timestamptz,
    unique (token_id, event_type, event_key)
);

create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_token on webhook_delivery (token_id, created_at desc);
