-- Catalogues of a province (issue 10). Indicators and criteria sets were shared national catalogues that the
-- steering department of any province could edit or delete. They now belong to a province (official code, as
-- plan.province_code) or are national (null): a province's steering department creates, edits and deletes its own;
-- national ones (the DTI template, the example commune set, every existing row) are changed by national users only,
-- and read by everyone. Codes stay unique across the installation (indicator.code; criteria_set (code, year)), so a
-- formula or a criteria rule names one indicator whatever the province.
alter table indicator add column province_code varchar(16);
alter table criteria_set add column province_code varchar(16);
create index indicator_province on indicator (province_code);
create index criteria_set_province on criteria_set (province_code);
