CREATE TABLE environments (
    name        text PRIMARY KEY,
    owner       text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL
);
