-- Demonstration rounds (issue 12, the demo that lives on today's date): a published assessment round written by the
-- demo module is flagged, shown as "Dữ liệu minh họa" on every page that shows it, and never feeds a target.
alter table assessment_round add column demo boolean not null default false;

create index assessment_round_demo on assessment_round (demo) where demo;
