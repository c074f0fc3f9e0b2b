-- Which node holds an outbox entry's claim (its server node name), so that a node coming back from a crash
-- releases the claims of its previous life at once instead of leaving them for the lease to run out (a minute
-- during which a pending SMS would wait for nothing).
ALTER TABLE outbox ADD COLUMN claimed_by VARCHAR(120);
