-- A failed delivery no longer completes its request (issue 14, item 16): the request stays open
-- until someone decides what follows — try again, give it to another organisation, or close it
-- with a reason. The decision is kept on each failed task; "closed" is a request closed that way.
ALTER TABLE tasks ADD COLUMN follow_up text CHECK (follow_up IN ('retried', 'rerouted', 'closed'));
ALTER TABLE help_requests DROP CONSTRAINT help_requests_status_check;
ALTER TABLE help_requests ADD CONSTRAINT help_requests_status_check
  CHECK (status IN ('new', 'accepted', 'rejected', 'completed', 'cancelled', 'closed'));
CREATE INDEX tasks_failed_pending_idx ON tasks (request_id) WHERE status = 'failed' AND follow_up IS NULL;
