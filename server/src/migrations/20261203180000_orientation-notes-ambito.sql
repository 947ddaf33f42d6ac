-- Orientation notes are personal data with a comune: they carry the distribution column like every such table.
SELECT legami_add_ambito_code('public.orientation_notes'::regclass);
