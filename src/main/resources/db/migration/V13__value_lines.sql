-- Figures people can trust (issue 8). Owner: indicators.
-- A data value is one agency's line: the official line of an indicator x unit x period (owned by the agency the plan
-- makes report it, or by no agency for figures the steering department or the application records directly), or a
-- cooperating agency's contribution beside it. No two agencies ever share one stored value.
-- A line has a state that follows its report (DRAFT, SUBMITTED, APPROVED) and keeps its last approved figure apart
-- from the working one, so a reopened report leaves the approved figure official until the next approval.
alter table data_value add column agency_id bigint references agency (id);
alter table data_value add column contribution boolean not null default false;
alter table data_value add column state varchar(10) not null default 'APPROVED'
    check (state in ('DRAFT', 'SUBMITTED', 'APPROVED'));
alter table data_value add column approved_value numeric(24, 6);
alter table data_value add column approved_numerator numeric(24, 6);
alter table data_value add column approved_denominator numeric(24, 6);
alter table data_value add column approved_at timestamptz;
alter table data_value add constraint data_value_contribution_owner check (not contribution or agency_id is not null);

alter table data_value drop constraint data_value_indicator_id_unit_id_period_key;
create unique index data_value_official on data_value (indicator_id, unit_id, period) where not contribution;
create unique index data_value_contribution on data_value (indicator_id, unit_id, period, agency_id) where contribution;
create index data_value_agency on data_value (agency_id) where agency_id is not null;

-- existing values: a value that came with a report is that report's agency's line and its state follows the report
update data_value d
   set agency_id = s.agency_id,
       state = case s.status when 'APPROVED' then 'APPROVED' when 'SUBMITTED' then 'SUBMITTED' else 'DRAFT' end
  from submission s
 where d.submission_id = s.id;
-- before issue 8 a co-operating agency's report wrote into the lead agency's line: such a line is given back to
-- no agency (its figure, approved or not, stays as it is) so that the agency that owns the figure (the first lead
-- agency that is one organisation, as reporting decides) can write it again through its report
with owner as (
    select distinct on (m.indicator_id) m.indicator_id, ta.agency_id
      from (select id as target_id, indicator_id from target where indicator_id is not null
            union all
            select target_id, indicator_id from target_split where indicator_id is not null) m
      join target_agency ta on ta.target_id = m.target_id and ta.role = 'LEAD'
      join agency a on a.id = ta.agency_id and a.kind <> 'COLLECTIVE'
     order by m.indicator_id, m.target_id, ta.position
)
update data_value d
   set agency_id = null
  from owner o
 where d.indicator_id = o.indicator_id and d.agency_id is not null and d.agency_id <> o.agency_id;
update data_value
   set approved_value = value, approved_numerator = numerator, approved_denominator = denominator,
       approved_at = updated_at
 where state = 'APPROVED' and value is not null;

-- versions say which line and which state; workflow steps are their own actions
alter table data_value_version add column agency_id bigint;
alter table data_value_version add column contribution boolean not null default false;
alter table data_value_version add column state varchar(10);
alter table data_value_version drop constraint data_value_version_action_check;
alter table data_value_version add constraint data_value_version_action_check
    check (action in ('CREATE', 'UPDATE', 'DELETE', 'LOCK', 'UNLOCK', 'SUBMIT', 'RETURN', 'APPROVE', 'REOPEN'));
