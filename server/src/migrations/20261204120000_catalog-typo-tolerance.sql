-- Typo tolerance of the catalogue's search ("badnate" finds "badante"): when full-text search finds
-- nothing, the query's words are matched by trigram word similarity against the folded search text.
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it; PGlite loads it
-- from its contrib (createPglite).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX catalog_services_search_trgm_idx ON catalog_services USING gin (search_text gin_trgm_ops);
