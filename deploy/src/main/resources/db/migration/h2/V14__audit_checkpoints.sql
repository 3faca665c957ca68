-- Signed checkpoints (docs/audit.md): every stream's chain head at one moment, signed with the service's Ed25519
-- key (kept outside the database). document is the JSON the API serves, exactly as signed; digest lets the
-- recurring checkpoint skip a period in which no stream moved.
CREATE TABLE audit_checkpoint (
    checkpoint_id VARCHAR(36)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    digest        CHAR(64)                 NOT NULL,
    document      CLOB                     NOT NULL,
    CONSTRAINT audit_checkpoint_pk PRIMARY KEY (checkpoint_id)
);
CREATE INDEX audit_checkpoint_created_at ON audit_checkpoint (created_at);
