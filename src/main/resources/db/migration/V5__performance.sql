-- Issue 9: costs that do not grow with the number of requests, and exchange secrets checked with a keyed hash.

-- Settings the application makes itself (the key of the exchange secrets' HMAC, when not configured).
create table miic_setting (
  name          varchar(100) primary key,
  setting_value varchar(1000) not null
);

-- Every lookup by a parent id has its index (these were table scans, one per worksheet, review or queue entry read).
create index ix_submitting_for_worksheet on miic_submitting_for(worksheet_id, position);
create index ix_completeness_worksheet on miic_completeness_finding(worksheet_id);
create index ix_review_worksheet on miic_worksheet_review(worksheet_id, reviewed_at);
create index ix_priority_factor_entry on miic_priority_factor(queue_entry_id, position);
create index ix_queue_adjustment_entry on miic_queue_adjustment(queue_entry_id, adjusted_at);
create index ix_credential_organization on miic_exchange_credential(organization_id);
create index ix_outbox_request on miic_email_outbox(request_id, created_at);
create unique index ux_request_report_token on miic_request(report_token);
create index ix_test_message_org on miic_test_message(organization_id, message_type, received_at);

-- Staff set the number of onboardings at once on the queue page (null: miic.queue.capacity).
alter table miic_queue_control add column capacity integer;
alter table miic_queue_control add column capacity_changed_by varchar(100);
alter table miic_queue_control add column capacity_changed_at timestamp with time zone;

-- The message tables take every message an organization sends: each index and each foreign-key check is paid on every
-- one (issue 9). Evidence reads a request's messages newest first (ix_test_message_request) and filters the phase;
-- the phase index of V4 is not needed. The foreign keys of the message tables go in V6.
drop index ix_test_message_phase;
