-- Reporting (issue 3): a schedule read from a document may need a person's review (no dates in the text, a
-- default was used); indexes for the deadline, inbox and lock queries.
alter table reporting_schedule add column needs_review boolean not null default false;
alter table reporting_schedule add column review_note text;
alter table reporting_schedule add column updated_at timestamptz not null default now();

create index reporting_period_due on reporting_period (agency_due_on);
create index submission_status on submission (status, submitted_at);
create index task_progress_submission on task_progress (submission_id);
create index task_progress_agency on task_progress (agency_id, period);
