-- The draft indicators made for a plan's targets belong to the plan's province (issue 10): the ones made before V20
-- (seed plans imported by the application itself) became national there, which only national users may confirm.
-- Owner: indicators; the plan's province is read once here, as the import does when it makes new ones.
update indicator i
   set province_code = p.province_code
  from target t
  join plan p on p.id = t.plan_id
 where t.indicator_id = i.id and i.draft and i.province_code is null and p.province_code is not null;

update indicator i
   set province_code = p.province_code
  from target_split s
  join target t on t.id = s.target_id
  join plan p on p.id = t.plan_id
 where s.indicator_id = i.id and i.draft and i.province_code is null and p.province_code is not null;
