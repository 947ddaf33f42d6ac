-- The Idempotency-Key of the request that recorded a task's outcome (issue 14, item 19): the volunteer's
-- phone queues an outcome while offline and sends it again when the network returns; the same key
-- answers with the task as it was closed, instead of a second outcome or a "already closed" error.
ALTER TABLE tasks ADD COLUMN completion_key text CHECK (completion_key ~ '^[A-Za-z0-9_.:-]{8,100}$');
