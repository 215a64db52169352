-- Issue 9: the queue ranked on an index instead of a score computed for every waiting entry on each read. The entry
-- keeps its rank score (the worksheet factors, staff adjustments and readiness, plus the waiting points as of the last
-- refresh, at most a minute old); a refresh adds the waiting points of the entries that passed a week since.
alter table miic_queue_entry add column waiting_points integer default 0 not null;
alter table miic_queue_entry add column rank_score integer default 0 not null;
update miic_queue_entry set rank_score = base_score + adjustment_points + readiness_points;
create index ix_queue_rank on miic_queue_entry(status, rank_score desc, entered_at, id);
