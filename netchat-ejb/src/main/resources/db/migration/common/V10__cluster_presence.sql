-- Cluster-wide presence: which node holds at least one socket of which user. A user is online while any live node
-- (one whose heartbeat is recent) lists them. Each node writes its own rows in its presence rounds; a node that dies
-- stops its heartbeat, and its rows stop counting at once and are removed a little later.
CREATE TABLE presence_nodes (
    node_id  VARCHAR(36)                 NOT NULL PRIMARY KEY,
    seen_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE presence_sockets (
    node_id  VARCHAR(36) NOT NULL REFERENCES presence_nodes (node_id) ON DELETE CASCADE,
    user_id  VARCHAR(36) NOT NULL,
    PRIMARY KEY (node_id, user_id)
);
CREATE INDEX presence_sockets_user_ix ON presence_sockets (user_id);
