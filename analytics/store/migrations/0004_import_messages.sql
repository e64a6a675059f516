-- The importer's messages as a key of the catalogue (analytics/locales/ingest.py) and its parameters
-- (a JSON object, see analytics/ingest/messages.py), so that a page shows them in its reader's language.
-- `reason` and `message` keep the English text; rows written before this migration have no key and
-- are shown with that stored text.
ALTER TABLE import_rejects ADD COLUMN reason_key VARCHAR;
ALTER TABLE import_rejects ADD COLUMN reason_params VARCHAR;
ALTER TABLE imports ADD COLUMN message_key VARCHAR;
ALTER TABLE imports ADD COLUMN message_params VARCHAR;
