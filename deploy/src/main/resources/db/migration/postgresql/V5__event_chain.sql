-- Tamper evidence (SPEC "Security"): each stored event's link in its stream's hash chain, written in the same
-- transaction as the event (HashChainingStorageEngine). hash covers previous_hash and the event's stored bytes
-- (EventHash); previous_hash is the hash of sequence_number - 1, or 64 zeros for sequence 0.
-- Events stored before this migration have no links: verification reports them as "missing chain entry".
CREATE TABLE event_chain (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    previous_hash        CHAR(64)     NOT NULL,
    hash                 CHAR(64)     NOT NULL,
    CONSTRAINT event_chain_pk PRIMARY KEY (aggregate_identifier, sequence_number)
);
