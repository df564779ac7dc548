-- Several nodes on one database (issue 13, goal 3; docs/SCALING.md).

-- Spring Session JDBC: the web sessions (login, second factor, CSRF token, language, flash messages) live here, so
-- any node serves a session and a node's restart loses none. The schema of spring-session-jdbc 4.1.0
-- (org/springframework/session/jdbc/schema-postgresql.sql), created here instead of by Spring Session itself
-- (spring.session.jdbc.initialize-schema: never).
create table spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- Changes too large for one NOTIFY payload (8,000 bytes): the ids of the data values a write changed, announced by
-- the id of this row. Rows older than a day are deleted by the nodes (cluster.internal.ClusterBus).
create table cluster_change (
    id         bigserial primary key,
    node       text not null,
    kind       text not null,
    ids        bigint[] not null,
    created_at timestamptz not null default now()
);

-- Scheduled jobs that must run once across the nodes: the first node to insert (job, slot) runs it; the others skip.
-- A run that failed removes its row, so that the next start or the next node can run it again.
create table cluster_job_run (
    job         text not null,
    slot        text not null,
    node        text not null,
    started_at  timestamptz not null default now(),
    finished_at timestamptz,
    primary key (job, slot)
);
