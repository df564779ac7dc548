-- dxgov foundation schema: administrative units, agencies, plans, targets, tasks, users, audit.
-- Each block is owned by one module; no module's code reads another module's tables.

-- ===== units: administrative units (đơn vị hành chính) =====
create table admin_unit (
    id          bigserial primary key,
    code        varchar(16)  not null,            -- official GSO code, leading zeros kept
    name        text         not null,
    name_folded text         not null,            -- lower case, no diacritics, for search
    level       varchar(16)  not null check (level in ('PROVINCE', 'DISTRICT', 'COMMUNE')),
    unit_type   text         not null,            -- Tỉnh, Thành phố, Huyện, Quận, Thị xã, Xã, Phường, Thị trấn, Đặc khu
    parent_id   bigint references admin_unit (id),
    valid_from  date         not null,
    valid_to    date,                              -- last day of validity; null while valid
    unique (code, valid_from)
);
create index admin_unit_parent on admin_unit (parent_id);
create index admin_unit_code on admin_unit (code);

create table admin_unit_successor (
    predecessor_id bigint       not null references admin_unit (id),
    successor_id   bigint       not null references admin_unit (id),
    share_kind     varchar(8)   not null check (share_kind in ('FULL', 'PARTIAL')),
    share_fraction numeric(9, 6),                 -- part of a summable value that goes to the successor
    effective_on   date         not null,
    primary key (predecessor_id, successor_id)
);
create index admin_unit_successor_succ on admin_unit_successor (successor_id);

-- ===== units: agencies (cơ quan, đơn vị) =====
create table agency (
    id            bigserial primary key,
    name          text        not null,
    name_folded   text        not null,
    kind          varchar(32) not null,
    province_code varchar(16),                    -- the province whose agency this is; null for national bodies
    needs_review  boolean     not null default false,
    created_at    timestamptz not null default now()
);
create unique index agency_name_per_province on agency (coalesce(province_code, ''), name_folded);

create table agency_alias (
    agency_id    bigint not null references agency (id) on delete cascade,
    alias        text   not null,
    alias_folded text   not null,
    primary key (agency_id, alias_folded)
);
create index agency_alias_folded on agency_alias (alias_folded);

-- ===== plans (nghị quyết, quyết định, chương trình, kế hoạch) =====
create table plan (
    id                bigserial primary key,
    status            varchar(16) not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED')),
    plan_type         varchar(16) not null check (plan_type in ('RESOLUTION', 'DECISION', 'PROGRAMME', 'PLAN')),
    number            text,
    title             text        not null,
    title_folded      text        not null,
    issuer            text,
    issued_on         date,
    issued_on_text    text,                       -- the date as written, kept when incomplete ("ngày /01/2022")
    province_code     varchar(16),
    province_name     text,
    period_start      int,
    period_end        int,
    vision_year       int,
    parent_id         bigint references plan (id) on delete set null,
    parent_ref_type   varchar(16),                -- the document this plan implements, as cited
    parent_ref_number text,
    parent_ref_date   date,
    parent_ref_issuer text,
    parent_ref_text   text,
    source_filename   text        not null,
    source_media_type text        not null,
    source_sha256     char(64)    not null unique, -- of the bytes: the same file imported twice changes nothing
    text_sha256       char(64)    not null unique, -- of the text read: the same document as .txt and as .docx too
    source_size       int         not null,
    source_bytes      bytea       not null,       -- the document as uploaded, kept
    source_text       text        not null,       -- the text dxgov read from it
    created_by        text,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    published_by      text,
    published_at      timestamptz
);
create index plan_parent on plan (parent_id);

create table plan_import (
    id          bigserial primary key,
    status      varchar(16) not null check (status in ('RUNNING', 'SUCCEEDED', 'DUPLICATE', 'FAILED')),
    step        text,
    filename    text        not null,
    size_bytes  int         not null,
    sha256      char(64),
    plan_id     bigint references plan (id) on delete set null,
    message     text,
    report      jsonb,
    created_by  text,
    created_at  timestamptz not null default now(),
    finished_at timestamptz
);

create table pillar (
    code     varchar(32) primary key,
    position int  not null,
    name_vi  text not null,
    name_en  text not null
);
insert into pillar (code, position, name_vi, name_en) values
    ('DIGITAL_GOVERNMENT', 1, 'Chính quyền số', 'Digital government'),
    ('DIGITAL_ECONOMY', 2, 'Kinh tế số', 'Digital economy'),
    ('DIGITAL_SOCIETY', 3, 'Xã hội số', 'Digital society'),
    ('FOUNDATION', 4, 'Nền tảng chung', 'Foundations');

-- ===== targets (chỉ tiêu) =====
create table target (
    id            bigserial primary key,
    plan_id       bigint      not null references plan (id) on delete cascade,
    position      int         not null,
    code          text,                           -- numbering in the document, e.g. 1.2 of Phụ lục 01
    source_text   text        not null,           -- the sentence as written
    text          text        not null,
    text_folded   text        not null,
    kind          varchar(16) not null check (kind in ('PERCENT', 'COUNT', 'RANK', 'GROWTH_RATE', 'MONEY', 'YES_NO')),
    comparator    varchar(16),
    value         numeric(20, 4),
    unit          text,
    deadline_year int,
    baseline      numeric(20, 4),
    baseline_year int,
    pillar        varchar(32) not null references pillar (code),
    source_line   int
);
create index target_plan on target (plan_id, position);

create table target_split (
    target_id  bigint      not null references target (id) on delete cascade,
    position   int         not null,
    level      varchar(16) not null,              -- PROVINCE, DISTRICT, COMMUNE, or OTHER
    label      text        not null,              -- "cấp tỉnh", "cấp huyện", ...
    comparator varchar(16),
    value      numeric(20, 4) not null,
    primary key (target_id, position)
);

create table target_agency (
    target_id bigint     not null references target (id) on delete cascade,
    agency_id bigint     not null references agency (id),
    role      varchar(12) not null check (role in ('LEAD', 'COOPERATING')),
    position  int        not null,
    primary key (target_id, role, agency_id)
);
create index target_agency_agency on target_agency (agency_id);

-- ===== tasks (nhiệm vụ, dự án) =====
create table task (
    id              bigserial primary key,
    plan_id         bigint      not null references plan (id) on delete cascade,
    position        int         not null,
    code            text,                         -- IV.2.1
    section         text,                         -- IV
    section_title   text,
    group_title     text,                         -- the heading row above the task, e.g. "Phát triển hạ tầng số"
    title           text        not null,
    title_folded    text        not null,
    time_frame_text text,
    start_year      int,
    end_year        int,
    recurrence      varchar(16) check (recurrence in ('ANNUAL')),
    scope           text,
    legal_basis     text,
    pillar          varchar(32) not null references pillar (code),
    source_line     int
);
create index task_plan on task (plan_id, position);

create table task_agency (
    task_id   bigint      not null references task (id) on delete cascade,
    agency_id bigint      not null references agency (id),
    role      varchar(12) not null check (role in ('LEAD', 'COOPERATING')),
    position  int         not null,
    primary key (task_id, role, agency_id)
);
create index task_agency_agency on task_agency (agency_id);

-- ===== security: users and audit =====
create table app_user (
    id            bigserial primary key,
    username      text        not null unique,
    password_hash text        not null,
    display_name  text        not null,
    role          varchar(16) not null check (role in ('ADMIN', 'STEERING', 'VIEWER')),
    agency_id     bigint references agency (id),
    enabled       boolean     not null default true,
    created_at    timestamptz not null default now()
);

create table audit_event (
    id          bigserial primary key,
    at          timestamptz not null default now(),
    username    text,
    action      text        not null,
    entity_type text        not null,
    entity_id   text,
    before      jsonb,
    after       jsonb
);
create index audit_event_entity on audit_event (entity_type, entity_id);
