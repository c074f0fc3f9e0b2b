-- The bytes of stored files in fixed-size pieces (256 KiB), so that they stream both ways with bounded memory
-- and every node of a cluster reads what any node wrote.
CREATE TABLE file_chunks (
    blob_id  VARCHAR(64)        NOT NULL,
    idx      INTEGER            NOT NULL,
    data     VARBINARY(1048576) NOT NULL,
    PRIMARY KEY (blob_id, idx)
);
