-- The first account of an empty installation administers it: exactly one, even when two people sign up at the same
-- moment on two nodes (both would see no user and both become admins). The sign-up that takes the first account
-- writes this one row in its transaction; one that raced it fails on the key and is answered 409 (sign up again,
-- as a user). Installations that already have users need no row: only an empty one has a first account to give.
CREATE TABLE installation_first_account (
    id         INTEGER                     NOT NULL PRIMARY KEY CHECK (id = 1),
    user_id    VARCHAR(36)                 NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
