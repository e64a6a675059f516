-- Canonical tables of DESIGN.md's data contract, plus the bookkeeping of imports.
-- Dates are DATE, wall-clock times are TIME, durations are DOUBLE hours.

CREATE TABLE services (
    service_id   VARCHAR PRIMARY KEY,
    service_name VARCHAR NOT NULL
);

CREATE TABLE agents (
    agent_id   VARCHAR PRIMARY KEY,
    agent_name VARCHAR,
    service_id VARCHAR            -- NULL until completed (agents created by an import)
);

CREATE TABLE contracts (
    agent_id     VARCHAR NOT NULL,
    valid_from   DATE NOT NULL,
    valid_to     DATE,            -- inclusive; NULL = open-ended
    weekly_hours DOUBLE NOT NULL CHECK (weekly_hours >= 0 AND weekly_hours <= 80),
    PRIMARY KEY (agent_id, valid_from),
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

CREATE TABLE absences (
    agent_id     VARCHAR NOT NULL,
    start_date   DATE NOT NULL,
    end_date     DATE NOT NULL,   -- inclusive
    absence_kind VARCHAR NOT NULL,
    PRIMARY KEY (agent_id, start_date, absence_kind),
    CHECK (end_date >= start_date)
);

CREATE TABLE projects (
    project_id    VARCHAR PRIMARY KEY,
    project_name  VARCHAR,
    theme         VARCHAR,
    service_id    VARCHAR,
    level         VARCHAR,        -- information | consultation | coproduction | NULL (ordinary work)
    initiative    VARCHAR,        -- municipality | residents
    perimeter     VARCHAR,        -- quartier | commune | intercommunal
    status        VARCHAR,        -- proposed | planned | active | done | declined
    start_date    DATE,
    end_date      DATE,
    planned_hours DOUBLE,
    priority      DOUBLE
);

CREATE TABLE time_entries (
    entry_id   VARCHAR PRIMARY KEY,
    agent_id   VARCHAR NOT NULL,
    project_id VARCHAR,           -- NULL = ordinary work
    work_date  DATE NOT NULL,
    start_time TIME,
    end_time   TIME,              -- earlier than start_time = ends the next day
    hours      DOUBLE NOT NULL CHECK (hours >= 0 AND hours <= 24),
    activity   VARCHAR
);

CREATE TABLE events (
    event_id        VARCHAR PRIMARY KEY,
    project_id      VARCHAR,
    event_date      DATE NOT NULL,
    start_time      TIME,
    end_time        TIME,
    event_kind      VARCHAR,
    quartier        VARCHAR,
    attendees_count INTEGER       -- for events without per-person attendance
);

CREATE TABLE participants (
    participant_id VARCHAR PRIMARY KEY,  -- keyed pseudonym (HMAC-SHA256), never a name or email
    quartier       VARCHAR,
    age_band       VARCHAR
);

CREATE TABLE attendances (
    event_id       VARCHAR NOT NULL,
    participant_id VARCHAR NOT NULL,
    role           VARCHAR,       -- resident | volunteer | association
    status         VARCHAR NOT NULL DEFAULT 'attended',  -- attended | no_show
    hours          DOUBLE,        -- volunteer work (chantiers)
    PRIMARY KEY (event_id, participant_id)
);

CREATE TABLE requests (
    request_id  VARCHAR PRIMARY KEY,
    received_on DATE NOT NULL,
    closed_on   DATE,
    channel     VARCHAR,
    topic       VARCHAR,
    quartier    VARCHAR,
    service_id  VARCHAR,
    project_id  VARCHAR,          -- the project the request came out of, if any
    status      VARCHAR
);

CREATE TABLE population (
    dimension  VARCHAR NOT NULL,  -- quartier | age_band
    category   VARCHAR NOT NULL,
    population INTEGER NOT NULL CHECK (population >= 0),
    PRIMARY KEY (dimension, category)
);

CREATE TABLE milestones (
    milestone_id VARCHAR PRIMARY KEY,
    project_id   VARCHAR,
    achieved_on  DATE NOT NULL,
    title        VARCHAR
);

-- Bookkeeping of imports: one row per file, and each rejected row with its line and reason.
CREATE SEQUENCE import_id_seq START 1;

CREATE TABLE imports (
    import_id     BIGINT PRIMARY KEY DEFAULT nextval('import_id_seq'),
    file_name     VARCHAR NOT NULL,
    sha256        VARCHAR NOT NULL,
    format        VARCHAR NOT NULL,
    imported_at   TIMESTAMP NOT NULL DEFAULT current_timestamp,
    rows_read     INTEGER NOT NULL,
    rows_accepted INTEGER NOT NULL,
    rows_rejected INTEGER NOT NULL,
    status        VARCHAR NOT NULL,  -- imported | refused | already_imported | demo
    message       VARCHAR
);

CREATE TABLE import_rejects (
    import_id   BIGINT NOT NULL,
    line        INTEGER,
    column_name VARCHAR,
    reason      VARCHAR NOT NULL,
    raw         VARCHAR
);

-- Free key/value facts about the store (origin: demo or imports, demo seed and scale, as-of date).
CREATE TABLE store_meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR
);
