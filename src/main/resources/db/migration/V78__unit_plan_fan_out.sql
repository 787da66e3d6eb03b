-- The school year starts its units' plans as process instances of their own, in batches (issue #13):
-- which unit's plan each batch started (one per unit and year, so a batch tried again starts none
-- twice), when it ended, and how many batches are still to start theirs. The year ends when no
-- batch is left and every plan started this way has ended.
alter table school_year add column open_plan_batches integer default 0 not null;

create table unit_plan_start (
  school_year_id       bigint      not null references school_year (id),
  unit_id              bigint      not null,
  process_instance_id  varchar(64) not null,
  started_at           timestamp   not null,
  ended_at             timestamp,
  constraint pk_unit_plan_start primary key (school_year_id, unit_id)
);

create index ix_unit_plan_start_open on unit_plan_start (school_year_id, ended_at);
create unique index ix_unit_plan_start_instance on unit_plan_start (process_instance_id);
