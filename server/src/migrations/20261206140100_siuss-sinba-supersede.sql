-- SINBA (INPS's flow for minors) has no cancellation: a corrected record supersedes the one sent, and the superseded record names its successor before that row is written, in the same transaction.

ALTER TABLE siuss_records ALTER CONSTRAINT siuss_records_cancelled_by_record_id_fkey DEFERRABLE INITIALLY DEFERRED;
-- A SINBA record is always an insertion (the schema has no TipoOperazione).
ALTER TABLE siuss_records ADD CONSTRAINT siuss_records_sinba_inserts CHECK (tipo <> 'SINBA' OR operation = 'I');
