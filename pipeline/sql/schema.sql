-- The warehouse contract (DESIGN.md). Names here are relied on by tests and outside tools.
CREATE TABLE sources (
    source_file VARCHAR NOT NULL,
    sha256 VARCHAR,
    n_bytes BIGINT,
    status VARCHAR NOT NULL,
    reject_reason VARCHAR,
    encoding VARCHAR,
    document_id VARCHAR,
    is_canonical BOOLEAN NOT NULL,
    language VARCHAR,
    n_measurements INTEGER
);
CREATE TABLE documents (
    document_id VARCHAR NOT NULL,
    title VARCHAR,
    published_on DATE,
    n_sources INTEGER NOT NULL,
    canonical_source_file VARCHAR NOT NULL,
    source_files VARCHAR[],
    -- the story it belongs to: documents that report one announcement or event
    story_id VARCHAR
);
CREATE TABLE measurements (
    measurement_id VARCHAR NOT NULL,
    source_file VARCHAR NOT NULL,
    document_id VARCHAR,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    surface VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    value DOUBLE,
    unit VARCHAR NOT NULL,
    unit_text VARCHAR,
    value_kg DOUBLE,
    unit_assumption VARCHAR,
    subject VARCHAR,
    qualifier VARCHAR,
    is_vague BOOLEAN NOT NULL,
    fact_id VARCHAR,
    sentence VARCHAR,
    -- why an implausible figure is kept out of facts (null for normal figures)
    quarantine_reason VARCHAR
);
CREATE TABLE facts (
    fact_id VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    value DOUBLE,
    unit VARCHAR NOT NULL,
    value_kg DOUBLE,
    subject VARCHAR,
    n_sources INTEGER NOT NULL,
    source_files VARCHAR[] NOT NULL,
    has_conflict BOOLEAN NOT NULL,
    conflicting_values DOUBLE[],
    variants VARCHAR
);
CREATE TABLE commitments (
    document_id VARCHAR NOT NULL,
    ordinal INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    n_sources INTEGER,
    source_files VARCHAR[]
);
-- Two facts of different documents about one dated event that give different values.
CREATE TABLE discrepancies (
    discrepancy_id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    unit VARCHAR NOT NULL,
    subject VARCHAR,
    shared_context VARCHAR[],
    document_id_a VARCHAR NOT NULL,
    fact_id_a VARCHAR NOT NULL,
    value_a DOUBLE NOT NULL,
    source_files_a VARCHAR[],
    document_id_b VARCHAR NOT NULL,
    fact_id_b VARCHAR NOT NULL,
    value_b DOUBLE NOT NULL,
    source_files_b VARCHAR[],
    -- the day of the event: 2022-06-27, or --06-27 when no year is stated or known
    event_date VARCHAR NOT NULL,
    -- what both texts name beyond the date: places, operations, people (lower case, no accents)
    shared_names VARCHAR[],
    -- the stories of the two documents (equal when one story's documents disagree)
    story_id_a VARCHAR,
    story_id_b VARCHAR
);
-- Documents that report one announcement or event (a release, its rewrites, the fact sheet of
-- the same meeting, news stories quoting it).
CREATE TABLE stories (
    story_id VARCHAR NOT NULL,
    title VARCHAR,
    first_published_on DATE,
    n_documents INTEGER NOT NULL,
    document_ids VARCHAR[] NOT NULL
);
-- One row per figure a story reports, merged across its documents: sum over claims to count one
-- seizure once.
CREATE TABLE claims (
    claim_id VARCHAR NOT NULL,
    story_id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    value DOUBLE,
    unit VARCHAR NOT NULL,
    value_kg DOUBLE,
    subject VARCHAR,
    n_documents INTEGER NOT NULL,
    document_ids VARCHAR[] NOT NULL,
    fact_ids VARCHAR[] NOT NULL,
    has_conflict BOOLEAN NOT NULL
);
CREATE TABLE validation_results (
    suite VARCHAR NOT NULL,
    table_name VARCHAR NOT NULL,
    expectation VARCHAR NOT NULL,
    column_name VARCHAR,
    success BOOLEAN NOT NULL,
    -- 'error': a failure blocks the publish (integrity); 'warning': it is reported (plausibility)
    severity VARCHAR NOT NULL,
    unexpected_count BIGINT,
    details VARCHAR
);
