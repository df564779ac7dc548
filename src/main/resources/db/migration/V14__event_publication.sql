-- Spring Modulith's event publication registry (spring-modulith-events-jdbc 2.1.1, schema v2 for PostgreSQL, as in
-- its schemas/v2/schema-postgresql.sql): one row per event and listener, written in the transaction that published the
-- event. With spring.modulith.events.completion-mode=delete a row is deleted once its listener has finished, so the
-- table holds only deliveries still running or failed (completion_date null; status PUBLISHED, PROCESSING, FAILED or
-- RESUBMITTED); they are resubmitted at the next start (republish-outstanding-events-on-restart) or by hand through
-- IncompleteEventPublications / FailedEventPublications. The archive table of completion-mode=archive is not created.
create table if not exists event_publication
(
    id                     uuid                     not null,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone,
    primary key (id)
);
create index if not exists event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);
