-- A shared improvement area is one line of the form's text box (up to 2000 characters), and the
-- units' plans start from it: both columns hold what the forms allow (FormContractTest checks).
alter table shared_improvement_area alter column title set data type varchar(2000);
alter table improvement_action alter column area_title set data type varchar(2000);
-- The board's report lists every unit with its improvement areas: it grows with the municipality.
alter table school_year alter column board_report set data type varchar(10000000);
