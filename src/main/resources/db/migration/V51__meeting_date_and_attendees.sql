-- The rektorsmöte that decided a round: its date and who took part (user ids of rektorer, comma separated).
alter table allocation_round add column meeting_date date;
alter table allocation_round add column meeting_attendees varchar(2000);
