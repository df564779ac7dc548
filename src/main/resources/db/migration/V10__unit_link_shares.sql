-- units: where the share of a split unit's summable values comes from, and who set it.
-- admin_unit_successor.share_fraction starts as an even split among a predecessor's PARTIAL successors (basis null);
-- an administrator or the steering department may set the fractions of one predecessor from a better basis
-- ("dân số 2024"), audited as unit.shares.
alter table admin_unit_successor add column share_basis text;
alter table admin_unit_successor add column share_updated_by text;
alter table admin_unit_successor add column share_updated_at timestamptz;
