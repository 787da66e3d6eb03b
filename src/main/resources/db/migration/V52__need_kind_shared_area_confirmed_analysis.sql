-- The kind of need (a pupil group or year, organisational, subject-didactic), the organiser's shared
-- improvement area of the school year the need concerns (its title as chosen), and the coordinator's
-- confirmation that the need rests on an analysis (what the prioritisation weighs, not the rektor's tick).
alter table needs_description add column need_kind varchar(30);
alter table needs_description add column shared_area varchar(2000);
alter table needs_description add column analysis_confirmed boolean;
