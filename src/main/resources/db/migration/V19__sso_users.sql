-- Single sign-on (issue 10): a user who logs in through the province's OpenID Connect provider has an app_user row
-- like everyone else (audit, notifications, reports name it), linked to the provider's account by issuer and subject
-- (the OIDC "iss" and "sub" claims, unique together), with no usable local password. Owner: security.
--
-- province_code: the province the user belongs to (null = national). The province scoping of roles (V16) adds the
-- same column; "if not exists" lets either migration come first.
alter table app_user add column if not exists province_code varchar(16);
alter table app_user add column external_issuer text;
alter table app_user add column external_subject text;
alter table app_user add constraint app_user_external_account unique (external_issuer, external_subject);
alter table app_user add constraint app_user_external_both
    check ((external_issuer is null) = (external_subject is null));
