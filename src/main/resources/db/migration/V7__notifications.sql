-- Notifications (owner: notifications). A notification to an agency is read by each of its users on their own:
-- one row per user who has read it. Notifications to one user keep using notification.read_at.
create table notification_read (
    notification_id bigint      not null references notification (id) on delete cascade,
    user_id         bigint      not null references app_user (id) on delete cascade,
    read_at         timestamptz not null default now(),
    primary key (notification_id, user_id)
);
create index notification_read_user on notification_read (user_id);
-- newest first per recipient
create index notification_user_created on notification (recipient_user_id, created_at desc);
create index notification_agency_created on notification (recipient_agency_id, created_at desc);
