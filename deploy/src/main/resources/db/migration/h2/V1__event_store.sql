-- Axon's JDBC event store. The global index comes from a dedicated sequence that hands out one value at a
-- time (no pooled optimizer), so tracking processors see a dense, ordered index (Axon issues #3374, #2231).
CREATE SEQUENCE domain_event_entry_global_index_seq START WITH 1 INCREMENT BY 1 NO CACHE;

CREATE TABLE domain_event_entry (
    global_index         BIGINT         DEFAULT NEXT VALUE FOR domain_event_entry_global_index_seq NOT NULL,
    aggregate_identifier VARCHAR(255)   NOT NULL,
    sequence_number      BIGINT         NOT NULL,
    type                 VARCHAR(255),
    event_identifier     VARCHAR(255)   NOT NULL,
    meta_data            BINARY VARYING,
    payload              BINARY VARYING NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255)   NOT NULL,
    time_stamp           VARCHAR(255)   NOT NULL,
    CONSTRAINT domain_event_entry_pk PRIMARY KEY (global_index),
    CONSTRAINT domain_event_entry_aggregate_sequence_uk UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT domain_event_entry_event_identifier_uk UNIQUE (event_identifier)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255)   NOT NULL,
    sequence_number      BIGINT         NOT NULL,
    type                 VARCHAR(255)   NOT NULL,
    event_identifier     VARCHAR(255)   NOT NULL,
    meta_data            BINARY VARYING,
    payload              BINARY VARYING NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255)   NOT NULL,
    time_stamp           VARCHAR(255)   NOT NULL,
    CONSTRAINT snapshot_event_entry_pk PRIMARY KEY (aggregate_identifier, sequence_number),
    CONSTRAINT snapshot_event_entry_event_identifier_uk UNIQUE (event_identifier)
);

CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BINARY VARYING,
    token_type     VARCHAR(255),
    time_stamp     VARCHAR(255),
    owner          VARCHAR(255),
    CONSTRAINT token_entry_pk PRIMARY KEY (processor_name, segment)
);
