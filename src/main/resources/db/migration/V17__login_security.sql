-- The optional second factor of ADMIN and STEERING accounts (security.internal.SecondFactor): a TOTP secret (RFC 6238,
-- Base32), whether it is confirmed, and the last 30-second step whose code was used (each code works once).
alter table app_user add column totp_secret text;
alter table app_user add column totp_enabled boolean not null default false;
alter table app_user add column totp_last_step bigint not null default -1;
