-- A quality-team member works 3.5 days a week on site unless something else is recorded.
alter table team_member alter column capacity_days set default 3.5;
