-- Backstop of the input limits (issue 10). The application refuses longer text and years outside dxgov.limits
-- (title 500, name 300, text 4,000, narrative 100,000 characters; years 1945-2100) with a message per field; these
-- CHECKs are ten times wider, so that configuring the limits up stays possible, and catch only a write that bypassed
-- the checks. A violation (SQLSTATE 23514) answers 400 "a value is beyond what can be stored", never a 500.
-- NOT VALID: rows already stored are not checked (an older database with a longer title still migrates); every new or
-- changed row is.
alter table plan add constraint plan_title_length check (char_length(title) <= 5000) not valid;
alter table plan add constraint plan_years check (period_start between 1000 and 9999 and period_end between 1000 and 9999
    and vision_year between 1000 and 9999) not valid;
alter table task add constraint task_title_length check (char_length(title) <= 5000) not valid;
alter table task add constraint task_years check (start_year between 1000 and 9999 and end_year between 1000 and 9999) not valid;
alter table target add constraint target_text_length check (char_length(text) <= 40000) not valid;
alter table target add constraint target_deadline_year check (deadline_year between 1000 and 9999) not valid;
alter table agency add constraint agency_name_length check (char_length(name) <= 3000) not valid;
alter table indicator add constraint indicator_name_length check (char_length(name) <= 3000) not valid;
alter table criteria_set add constraint criteria_set_name_length check (char_length(name) <= 3000) not valid;
alter table assessment_round add constraint assessment_round_name_length check (char_length(name) <= 3000) not valid;
alter table assessment_round add constraint assessment_round_year check (year between 1000 and 9999) not valid;
alter table submission add constraint submission_narrative_length check (char_length(narrative) <= 1000000) not valid;
