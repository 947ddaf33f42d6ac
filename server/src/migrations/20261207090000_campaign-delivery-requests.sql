-- A campaign's goods delivered at home go as a CremonAiuta request whose task enters the day's rounds
-- (issue 12: "by delivery (tasks, rounds) or at a point"), as a food parcel does.
ALTER TABLE campaign_deliveries ADD COLUMN request_id uuid REFERENCES help_requests(id);
ALTER TABLE campaign_deliveries ADD CONSTRAINT campaign_deliveries_request_check
  CHECK (channel = 'delivery' OR request_id IS NULL);
