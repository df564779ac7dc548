-- Indicators and data values (issue 3, owner: indicators): the values of a report are looked up to lock them on
-- approval and to fill the report's form.
create index data_value_submission_idx on data_value (submission_id) where submission_id is not null;
