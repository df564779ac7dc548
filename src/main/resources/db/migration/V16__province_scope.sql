-- Province-scoped roles (issue 10). Every user belongs to a province (official code, as plan.province_code and
-- agency.province_code) or is national (null). STEERING, LEADER, EDITOR and VIEWER act within their province; a
-- national user reads (and, with the role for it, steers) every province; an ADMIN without a province is the
-- installation's super-administrator. The OIDC login (V19) adds the same column "if not exists".
alter table app_user add column if not exists province_code varchar(16);

-- Existing users: the province of their agency ...
update app_user u set province_code = a.province_code
  from agency a
 where u.agency_id = a.id and u.province_code is null and a.province_code is not null;

-- ... else the installation's province, the one most plans belong to (Thanh Hóa in a demo database); "admin", created
-- at first start, stays national: the super-administrator. A database without plans keeps its users national.
update app_user set province_code = (
        select province_code from plan where province_code is not null
         group by province_code order by count(*) desc, province_code limit 1)
 where province_code is null and username <> 'admin' and exists (select 1 from plan where province_code is not null);

-- Agencies named in a provincial plan's targets or tasks belong to that province, unless they are national bodies
-- (ministries, the Government) or named in plans of several provinces.
update agency a set province_code = x.province_code
  from (select agency_id, min(province_code) as province_code
          from (select ta.agency_id, p.province_code
                  from target_agency ta join target t on t.id = ta.target_id join plan p on p.id = t.plan_id
                union
                select ka.agency_id, p.province_code
                  from task_agency ka join task k on k.id = ka.task_id join plan p on p.id = k.plan_id) used
         where province_code is not null
         group by agency_id
        having count(distinct province_code) = 1) x
 where a.id = x.agency_id and a.province_code is null
   and a.name_folded !~ '^(bo |chinh phu|thu tuong|quoc hoi|van phong chinh phu|ban chi dao quoc gia)'
   and not exists (select 1 from agency b where coalesce(b.province_code, '') = x.province_code
                                           and b.name_folded = a.name_folded);

create index if not exists app_user_province on app_user (province_code);
