-- Issue 9: the queue view lists the earliest invited slots (at most 100); without an index in that order every invited
-- entry was read, joined and sorted on each read of the queue page (thousands after a year of onboardings).
create index ix_queue_invited on miic_queue_entry(status, invited_at, id);
