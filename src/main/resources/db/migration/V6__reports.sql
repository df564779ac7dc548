-- Excel report forms (reporting.excel): the installation's default secret for the checksum of downloaded forms.
-- It is made once, at random, when the schema is created, so that a form downloaded before a restart still uploads
-- after it, and every node of a cluster (one database) agrees. Setting dxgov.excel.secret (DXGOV_EXCEL_SECRET)
-- overrides it; production should set it (and keep it) so that it does not live in the database.
create table excel_form_secret (
    id     int  primary key check (id = 1),
    secret text not null
);
insert into excel_form_secret (id, secret)
values (1, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
