-- The reporting cycle (issue 3): indicators and data values, reporting schedules, periods, submissions,
-- task progress, notifications and reminders; users belong to agencies.
-- Owners: indicators (indicator, data_value*, attachment), reporting (reporting_*, submission*, task_progress*),
-- notifications (notification, reminder_log), security (app_user), targets (target.indicator_id).

-- ===== indicators (chỉ số) =====
create table indicator (
    id                 bigserial primary key,
    code               text        not null unique,           -- stable key for formulas, Excel and the API
    name               text        not null,
    name_folded        text        not null,
    unit               text,
    value_type         varchar(8)  not null check (value_type in ('NUMBER', 'RATIO', 'YES_NO')),
    direction          varchar(8)  not null check (direction in ('HIGHER', 'LOWER')),
    unit_aggregation   varchar(8)  not null check (unit_aggregation in ('SUM', 'RATIO', 'MEAN', 'MAX', 'MIN')),
    period_aggregation varchar(8)  not null check (period_aggregation in ('SUM', 'LAST', 'MEAN')),
    formula            text,                                  -- derived indicators: an expression over other codes
    decimals           int         not null default 2,
    description        text,
    draft              boolean     not null default true,     -- made by an import; the steering department confirms it
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);

alter table target add column indicator_id bigint references indicator (id);
create index target_indicator on target (indicator_id);

create table data_value (
    id           bigserial primary key,
    indicator_id bigint       not null references indicator (id),
    unit_id      bigint       not null references admin_unit (id),
    period       varchar(10)  not null,                      -- 2025, 2025S1, 2025Q3, 2025-06
    value        numeric(24, 6),                              -- for ratios: 100 * numerator / denominator
    numerator    numeric(24, 6),
    denominator  numeric(24, 6),
    source       varchar(8)   not null check (source in ('FORM', 'EXCEL', 'API', 'DEMO', 'IMPORT')),
    submission_id bigint,                                     -- the agency report it came with, if any
    comment      text,
    demo         boolean      not null default false,         -- generated demonstration data, shown as such
    locked       boolean      not null default false,         -- approved data: changes only after a recorded reopening
    version      int          not null default 1,
    updated_by   text,
    updated_at   timestamptz  not null default now(),
    unique (indicator_id, unit_id, period)
);
create index data_value_unit on data_value (unit_id);

create table data_value_version (
    id            bigserial primary key,
    data_value_id bigint      not null references data_value (id) on delete cascade,
    version       int         not null,
    action        varchar(8)  not null check (action in ('CREATE', 'UPDATE', 'DELETE', 'LOCK', 'UNLOCK')),
    value         numeric(24, 6),
    numerator     numeric(24, 6),
    denominator   numeric(24, 6),
    source        varchar(8)  not null,
    submission_id bigint,
    comment       text,
    changed_by    text,
    changed_at    timestamptz not null default now(),
    unique (data_value_id, version)
);

create table attachment (
    id          bigserial primary key,
    owner_type  varchar(24) not null,                        -- DATA_VALUE, TASK_PROGRESS, SUBMISSION
    owner_id    bigint      not null,
    filename    text        not null,
    media_type  text        not null,
    size_bytes  int         not null,
    sha256      char(64)    not null,
    content     bytea       not null,
    uploaded_by text,
    uploaded_at timestamptz not null default now()
);
create index attachment_owner on attachment (owner_type, owner_id);

-- ===== reporting (kỳ báo cáo, báo cáo) =====
create table reporting_schedule (
    id                   bigserial primary key,
    plan_id              bigint      not null references plan (id) on delete cascade,
    frequency            varchar(12) not null check (frequency in ('ANNUAL', 'SEMI_ANNUAL', 'QUARTERLY', 'MONTHLY')),
    agency_due           text[]      not null,               -- one dd/MM per period of the year, e.g. {05/12}, {30/06,15/12}
    consolidation_due    text[],                             -- when the steering department consolidates, same shape
    first_year           int         not null,
    last_year            int         not null,
    reminder_days_before int[]       not null default '{7,3,1}',
    reminder_days_after  int[]       not null default '{1,3,7}',
    source_text          text,                               -- the sentence of the plan that sets the duty
    active               boolean     not null default true,
    created_at           timestamptz not null default now(),
    check (first_year <= last_year)
);
create index reporting_schedule_plan on reporting_schedule (plan_id);

create table reporting_period (
    id                   bigserial primary key,
    schedule_id          bigint      not null references reporting_schedule (id) on delete cascade,
    period               varchar(10) not null,
    agency_due_on        date        not null,
    consolidation_due_on date,
    status               varchar(8)  not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    unique (schedule_id, period)
);

create table submission (
    id                  bigserial primary key,
    reporting_period_id bigint      not null references reporting_period (id) on delete cascade,
    agency_id           bigint      not null references agency (id),
    unit_id             bigint references admin_unit (id),   -- the unit whose figures the agency reports
    status              varchar(10) not null check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED')),
    narrative           text,
    first_submitted_at  timestamptz,
    submitted_at        timestamptz,
    submitted_by        text,
    decided_at          timestamptz,
    decided_by          text,
    return_reason       text,
    late                boolean     not null default false,   -- first submitted after the agency deadline
    demo                boolean     not null default false,
    version             int         not null default 1,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    unique (reporting_period_id, agency_id)
);
create index submission_agency on submission (agency_id);

alter table data_value add constraint data_value_submission foreign key (submission_id) references submission (id) on delete set null;

create table submission_event (
    id            bigserial primary key,
    submission_id bigint      not null references submission (id) on delete cascade,
    action        varchar(12) not null,                      -- CREATE, SAVE, SUBMIT, RETURN, RESUBMIT, APPROVE, REOPEN
    from_status   varchar(10),
    to_status     varchar(10) not null,
    reason        text,
    actor         text,
    at            timestamptz not null default now()
);
create index submission_event_submission on submission_event (submission_id, at);

create table task_progress (
    id               bigserial primary key,
    task_id          bigint      not null references task (id) on delete cascade,
    period           varchar(10) not null,
    agency_id        bigint      not null references agency (id),
    submission_id    bigint references submission (id) on delete set null,
    status           varchar(12) not null check (status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'DELAYED', 'STOPPED')),
    percent_complete int check (percent_complete between 0 and 100),
    narrative        text,
    demo             boolean     not null default false,
    locked           boolean     not null default false,
    version          int         not null default 1,
    updated_by       text,
    updated_at       timestamptz not null default now(),
    unique (task_id, period, agency_id)
);

create table task_progress_version (
    id               bigserial primary key,
    task_progress_id bigint      not null references task_progress (id) on delete cascade,
    version          int         not null,
    status           varchar(12) not null,
    percent_complete int,
    narrative        text,
    changed_by       text,
    changed_at       timestamptz not null default now(),
    unique (task_progress_id, version)
);

-- ===== notifications =====
create table notification (
    id                  bigserial primary key,
    recipient_user_id   bigint references app_user (id) on delete cascade,
    recipient_agency_id bigint references agency (id) on delete cascade,
    kind                varchar(24) not null,
    title               text        not null,
    body                text,
    link                text,
    created_at          timestamptz not null default now(),
    read_at             timestamptz,
    check (recipient_user_id is not null or recipient_agency_id is not null)
);
create index notification_user on notification (recipient_user_id, read_at);
create index notification_agency on notification (recipient_agency_id, read_at);

create table reminder_log (
    id                  bigserial primary key,
    reporting_period_id bigint      not null references reporting_period (id) on delete cascade,
    agency_id           bigint      not null references agency (id),
    kind                varchar(8)  not null check (kind in ('BEFORE', 'AFTER')),
    offset_days         int         not null,
    recipients          text,
    sent_at             timestamptz not null default now(),
    unique (reporting_period_id, agency_id, kind, offset_days)
);

-- ===== security: users belong to agencies; more roles =====
alter table app_user add column email text;
alter table app_user drop constraint app_user_role_check;
alter table app_user add constraint app_user_role_check
    check (role in ('ADMIN', 'STEERING', 'LEADER', 'EDITOR', 'VIEWER'));
