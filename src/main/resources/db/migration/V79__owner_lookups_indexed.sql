-- The record-ownership check (security/RecordOwnership) asks, before every user task and glue
-- step, which process owns a record and whether a process owns any: by process instance and by
-- school year. Without these indexes each question read the whole table, so a school year's
-- start for every unit in the country grew with the square of the units.
create index ix_quality_plan_instance on quality_plan (process_instance_id);
create index ix_quality_plan_school_year on quality_plan (school_year_id);
create index ix_needs_description_instance on needs_description (process_instance_id);
create index ix_allocation_round_instance on allocation_round (process_instance_id);
create index ix_school_year_instance on school_year (process_instance_id);
create index ix_assignment_instance on assignment (process_instance_id);
create index ix_regional_exchange_instance on regional_exchange (process_instance_id);
