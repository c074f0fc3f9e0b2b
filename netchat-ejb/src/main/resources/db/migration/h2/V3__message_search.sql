-- H2 has no full-text index comparable to PostgreSQL's; search scans with LIKE (fine at H2's scale).
SELECT 1;
