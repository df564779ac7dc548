-- Crash recovery (issue 10): which node runs an import, so that a node that starts again marks the imports it was
-- running when it died as FAILED (a restart ends every job of the process), without touching another node's.
-- Owner: plans.
alter table plan_import add column runner text;
create index plan_import_running on plan_import (status) where status = 'RUNNING';
