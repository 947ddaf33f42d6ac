-- Residents aged 65 and over per comune, for allocations by elderly population: filled by
-- `npm run import:population` from ISTAT's "popolazione residente per età" CSV (README), null until then.
ALTER TABLE comuni
  ADD COLUMN population_over65 integer CHECK (population_over65 >= 0),
  ADD COLUMN population_by_age_on date,
  ADD CONSTRAINT comuni_over65_dated CHECK ((population_over65 IS NULL) = (population_by_age_on IS NULL));
