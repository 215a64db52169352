-- Issue 9: the index on the queue entry's status alone looked cheapest to H2's planner for "the waiting entries, best
-- first", which then read, joined and sorted every waiting entry to answer one page of the queue (10,000 waiting: p99
-- 139 ms). Without it the planner takes ix_queue_rank (status, rank score, entered, id), whose order is the ranking's,
-- and reads only the page. Every query on the status alone is still served by the indexes that begin with it
-- (ix_queue_rank, ix_queue_invited, ix_queue_status_org).
drop index if exists ix_queue_status;
