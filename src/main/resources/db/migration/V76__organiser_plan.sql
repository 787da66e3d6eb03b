-- The organiser's plan: the unit plan's three parts and five perspectives at the organiser's level.
-- Development is next_year_areas (carried into next year's preparation); the summary analysis is
-- organiser_analysis.
alter table school_year add column organiser_results varchar(4000);
alter table school_year add column organiser_historical varchar(4000);
alter table school_year add column organiser_resources varchar(4000);
alter table school_year add column organiser_organisation varchar(4000);
alter table school_year add column organiser_method varchar(4000);
alter table school_year add column organiser_equity varchar(4000);
