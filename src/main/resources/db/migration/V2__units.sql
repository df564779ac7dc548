-- units: the matching key of an agency alias, next to its folded spelling.
-- agency.name_folded and agency_alias.alias_key hold the key names are matched by (vn.dxgov.units.internal.AgencyText.key:
-- abbreviations written out, no case, diacritics, punctuation or "và"), so that an alias a reviewer enters as
-- "Sở KHĐT" also matches "Sở Kế hoạch và Đầu tư". agency_alias.alias_folded stays the folded spelling as written,
-- one row per spelling ("Sở TT&TT" and "STTTT" are two aliases with one key).
alter table agency_alias add column alias_key text;
create index agency_alias_key on agency_alias (alias_key);
