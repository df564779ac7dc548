-- compound count targets ("06 huyện ... và 300 xã ... hoàn thành chuyển đổi số"): every split after the first is
-- measured by an indicator of its own (the first split keeps the target's indicator). Owner: targets.
alter table target_split add column indicator_id bigint references indicator (id) on delete set null;
