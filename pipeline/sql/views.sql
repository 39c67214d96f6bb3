-- Convenience views for analysts (the README's queries use them).
CREATE VIEW fact_support AS
SELECT f.document_id, d.title, f.kind, f.value, f.unit, f.value_kg, f.subject,
       f.n_sources, d.n_sources AS document_n_sources, f.source_files, f.has_conflict
FROM facts f JOIN documents d USING (document_id);
