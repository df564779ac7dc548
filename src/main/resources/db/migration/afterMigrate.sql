-- Flyway runs this after every migrate (issue 13, PageStamp): every table of the schema gets the page-stamp trigger,
-- except those written on every request or by the figures' own path (data values are followed by the analytics
-- module's events, sessions and tokens' last use would defeat the stamp). Idempotent.
do $$
declare
    t record;
begin
    for t in
        select c.relname
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = current_schema() and c.relkind in ('r', 'p')
           and c.relname not in ('flyway_schema_history', 'spring_session', 'spring_session_attributes',
                                 'data_value', 'data_value_version', 'data_value_client_key', 'data_value_batch',
                                 'api_token', 'api_token_key', 'webhook_delivery', 'cluster_change', 'cluster_job_run',
                                 'event_publication', 'audit_event')
           and not exists (select 1 from pg_trigger g where g.tgrelid = c.oid and g.tgname = 'dxgov_page_stamp')
    loop
        execute format('create trigger dxgov_page_stamp before insert or update or delete or truncate on %I '
                       'for each statement execute function dxgov_page_stamp_bump()', t.relname);
    end loop;
end
$$;
