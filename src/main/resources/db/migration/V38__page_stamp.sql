-- Issue 13: what the plan page's ETag is stamped with. It was the write-ahead log's insert position, which also moves
-- with every session update once sessions live in PostgreSQL (Spring Session JDBC writes the last access time on
-- every request), so no page was ever answered 304 again. Instead every statement that writes one of the tables a
-- page may show takes a number from this sequence (non-transactional: no lock, no wait between writers) and holds a
-- shared advisory lock until its transaction ends, so that a reader can tell a write still in flight (PageStamp).
-- The triggers are put on the tables by afterMigrate.sql, after every migration, so a new table gets one too.
create sequence if not exists page_stamp_seq;

create or replace function dxgov_page_stamp_bump() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock_shared(72620013);
    perform nextval('page_stamp_seq');
    return null;
end
$$;
