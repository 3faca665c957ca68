package org.metriclifecycle.deploy.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.metriclifecycle.deploy.api.InvalidRequestException;
import org.metriclifecycle.deploy.ops.ActiveDatabase;
import org.metriclifecycle.deploy.security.KeyFile;
import org.metriclifecycle.deploy.axon.RecurringWork;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Makes, keeps and checks signed checkpoints (SPEC "Signed checkpoints"). The hash chain alone catches an edited
 * row; a checkpoint kept outside the service also catches a chain recomputed after an edit, and dropped events.
 * Made on request and every {@code metrics.audit.checkpoint-interval} (the recurring one only when a stream moved).
 */
@Singleton
public class Checkpoints implements RecurringWork {

    static final String SETTING = "metrics.audit.signing-key-file";
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern INSTANT_MILLIS = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z");
    /** Stream ids are metric UUIDs and team:slug: visible ASCII, never a control or invisible character. */
    private static final Pattern STREAM_ID = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final int ED25519_SIGNATURE_BYTES = 64;

    private final CheckpointStore store;
    private final EventChainVerifier chains;
    private final ObjectMapper json;
    private final Clock clock;
    private final SigningKey key;
    private final Duration interval;

    @Inject
    Checkpoints(CheckpointStore store, EventChainVerifier chains, ObjectMapper json, Clock clock, AuditConfig config,
                ActiveDatabase database) {
        this.store = store;
        this.chains = chains;
        this.json = json;
        this.clock = clock;
        this.interval = config.checkpointInterval();
        String file = config.signingKeyFile().toAbsolutePath().normalize().toString();
        byte[] pem = KeyFile.readOrCreate(config.signingKeyFile(), SETTING,
                config.createMissingKey().orElse(!database.isPostgreSql()),
                () -> SigningKey.generate().toPem().getBytes(StandardCharsets.US_ASCII),
                "openssl genpkey -algorithm ed25519 -out " + file);
        this.key = SigningKey.fromPem(new String(pem, StandardCharsets.US_ASCII), file);
    }

    /** Makes one now, in the caller's transaction. */
    public Checkpoint make() {
        return make(store.heads());
    }

    private Checkpoint make(List<ChainHead> heads) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String checkpointId = UUID.randomUUID().toString();
        String createdAt = MILLIS.format(now);
        String digest = CheckpointDigest.of(heads);
        Checkpoint checkpoint = new Checkpoint(checkpointId, createdAt, SigningKey.ALGORITHM, key.publicKey(),
                heads, digest, key.sign(CheckpointDigest.signedText(checkpointId, createdAt, digest)));
        try {
            store.insert(checkpointId, now, digest, json.writeValueAsString(checkpoint));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the checkpoint", e);
        }
        return checkpoint;
    }

    public Optional<Checkpoint> latest() {
        return store.latest().map(stored -> {
            try {
                return json.readValue(stored.document(), Checkpoint.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the stored checkpoint is unreadable", e);
            }
        });
    }

    /**
     * The signature against this service's key, and every listed stream against the events stored now.
     *
     * @throws InvalidRequestException for a document that is not a checkpoint at all
     */
    public CheckpointVerification verify(Checkpoint document) {
        List<ChainHead> streams = wellFormed(document);
        byte[] publicKey = base64("publicKey", document.publicKey());
        if (!SigningKey.isEd25519PublicKey(publicKey)) {
            throw new InvalidRequestException("publicKey", "must be the base64 of an Ed25519 X.509 public key");
        }
        byte[] signature = base64("signature", document.signature());
        if (signature.length != ED25519_SIGNATURE_BYTES) {
            throw new InvalidRequestException("signature", "must be the base64 of a 64-byte Ed25519 signature");
        }
        boolean signatureValid = key.isPublicKey(publicKey)
                && CheckpointDigest.of(streams).equals(document.digest())
                && key.verifies(CheckpointDigest.signedText(document.checkpointId(), document.createdAt(),
                document.digest()), signature);
        List<CheckpointVerification.Break> breaks = new ArrayList<>();
        for (ChainHead head : streams) {
            chains.verifyHead(head.streamId(), head.sequence(), head.hash()).ifPresent(broken -> breaks.add(
                    new CheckpointVerification.Break(head.streamId(), broken.sequence(), broken.problem())));
        }
        return new CheckpointVerification(signatureValid, breaks.isEmpty(), List.copyOf(breaks));
    }

    /** The shape the service writes; anything else is no checkpoint (400), not a forged one (signatureValid). */
    private static List<ChainHead> wellFormed(Checkpoint document) {
        for (String[] field : new String[][] {{"checkpointId", document.checkpointId()},
                {"createdAt", document.createdAt()}, {"algorithm", document.algorithm()},
                {"publicKey", document.publicKey()}, {"digest", document.digest()},
                {"signature", document.signature()}}) {
            if (field[1] == null || field[1].isBlank()) {
                throw new InvalidRequestException(field[0], "required: send the checkpoint document as the service "
                        + "served it");
            }
        }
        if (!UUID_TEXT.matcher(document.checkpointId()).matches()) {
            throw new InvalidRequestException("checkpointId", "must be a UUID");
        }
        if (!INSTANT_MILLIS.matcher(document.createdAt()).matches()) {
            throw new InvalidRequestException("createdAt", "must be an instant like 2026-01-01T00:00:00.000Z");
        }
        if (!SigningKey.ALGORITHM.equals(document.algorithm())) {
            throw new InvalidRequestException("algorithm", "must be " + SigningKey.ALGORITHM);
        }
        if (!HASH.matcher(document.digest()).matches()) {
            throw new InvalidRequestException("digest", "must be 64 lowercase hex digits");
        }
        if (document.streams() == null) {
            throw new InvalidRequestException("streams", "required: the list of stream heads");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < document.streams().size(); i++) {
            ChainHead head = document.streams().get(i);
            String at = "streams[" + i + "]";
            if (head == null || head.streamId() == null || !STREAM_ID.matcher(head.streamId()).matches()) {
                throw new InvalidRequestException(at + ".streamId", "required: 1 to 255 visible ASCII characters");
            }
            if (!seen.add(head.streamId())) {
                throw new InvalidRequestException(at + ".streamId", "listed twice");
            }
            if (head.sequence() < 0) {
                throw new InvalidRequestException(at + ".sequence", "must be 0 or more");
            }
            if (head.hash() == null || !HASH.matcher(head.hash()).matches()) {
                throw new InvalidRequestException(at + ".hash", "must be 64 lowercase hex digits");
            }
        }
        return document.streams();
    }

    private static byte[] base64(String field, String value) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, "must be base64");
        }
    }

    @Override
    public String name() {
        return "audit-checkpoint";
    }

    @Override
    public Duration interval() {
        return interval;
    }

    /** The recurring checkpoint: none when no stream moved since the last one, so an idle store adds no rows. */
    @Override
    public void run() {
        List<ChainHead> heads = store.heads();
        String digest = CheckpointDigest.of(heads);
        if (store.latest().map(CheckpointStore.Stored::digest).filter(digest::equals).isPresent()) {
            return;
        }
        make(heads);
    }
}
