-- How long after the closing conversation a follow-up was planned (an ISO period from the model's
-- schedule, e.g. P3M): its date may be moved to the next school day, its name says "after 3 months".
alter table check_in add column planned_after varchar(20);
