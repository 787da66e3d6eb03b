-- The Assignment process that carries an assignment out: records are checked against the task's process.
alter table assignment add column process_instance_id varchar(64);
