-- Audit log: who did what, and when (sign-ins, refused sign-ins, imports, downloads).
-- Written by analytics/audit.py only; it is not part of the data, so it never changes the data version.

CREATE SEQUENCE audit_log_event_id START 1;

CREATE TABLE audit_log (
    event_id BIGINT PRIMARY KEY DEFAULT nextval('audit_log_event_id'),
    at_utc   TIMESTAMP NOT NULL,   -- when, in UTC (shown in Europe/Paris time)
    user_id  VARCHAR NOT NULL,     -- e-mail, 'sub:<OpenID subject>' or 'local:<system user>'
    role     VARCHAR,              -- the role at that moment; NULL when the user had none
    action   VARCHAR NOT NULL,     -- sign_in | sign_out | denied | import | download
    target   VARCHAR,              -- what: a file name, a download's name, a page
    details  VARCHAR               -- a JSON object with anything else (rows, format, provider...)
);
