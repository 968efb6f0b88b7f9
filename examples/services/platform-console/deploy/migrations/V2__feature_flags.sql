CREATE TABLE feature_flags (
    key         text PRIMARY KEY,
    description text    NOT NULL,
    enabled     boolean NOT NULL DEFAULT false,
    environment text    REFERENCES environments (name) ON DELETE CASCADE
);

CREATE INDEX environments_expires_at_idx ON environments (expires_at);
