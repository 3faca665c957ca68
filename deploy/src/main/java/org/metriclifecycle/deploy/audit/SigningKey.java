package org.metriclifecycle.deploy.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's Ed25519 checkpoint key (the JDK's own implementation), read from a PEM "PRIVATE KEY" block. The file
 * holds only the private key, the way {@code openssl genpkey -algorithm ed25519} writes it; the public key is derived
 * from it (an Ed25519 key pair is a function of the private key's 32 bytes).
 */
public final class SigningKey {

    public static final String ALGORITHM = "Ed25519";
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private SigningKey(KeyPair pair) {
        this.privateKey = pair.getPrivate();
        this.publicKey = pair.getPublic();
    }

    public static SigningKey generate() {
        try {
            return new SigningKey(KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java runtime has no " + ALGORITHM, e);
        }
    }

    /** @param source where the text came from, for the messages */
    public static SigningKey fromPem(String pem, String source) {
        Matcher block = PEM.matcher(pem);
        if (!block.find()) {
            throw new IllegalStateException(source + " holds no PEM \"PRIVATE KEY\" block");
        }
        try {
            byte[] pkcs8 = Base64.getMimeDecoder().decode(block.group(1));
            PrivateKey key = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            byte[] seed = ((EdECPrivateKey) key).getBytes()
                    .orElseThrow(() -> new IllegalStateException(source + ": the private key's bytes are unreadable"));
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
            KeyPair pair = generator.generateKeyPair();
            if (!Arrays.equals(((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow(), seed)) {
                throw new IllegalStateException(source + ": could not derive the public key");
            }
            return new SigningKey(pair);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException(source + " does not hold an " + ALGORITHM + " private key (PKCS#8 PEM): "
                    + e.getMessage(), e);
        }
    }

    public String toPem() {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(privateKey.getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }

    /** The public key as published: base64 of its X.509 SubjectPublicKeyInfo (what {@code openssl pkey -pubout} holds). */
    public String publicKey() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    public String sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(message);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign a checkpoint", e);
        }
    }

    /** Whether {@code signature} (base64) is this key's signature of {@code message}. */
    public boolean verifies(byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (java.security.SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not verify a checkpoint", e);
        }
    }

    /** Whether {@code encoded} (base64-decoded) is an Ed25519 public key in X.509 form at all. */
    public static boolean isEd25519PublicKey(byte[] encoded) {
        try {
            KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(encoded));
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Whether {@code encoded} (X.509, base64-decoded) is this key's public key. */
    public boolean isPublicKey(byte[] encoded) {
        try {
            PublicKey other = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(encoded));
            return Arrays.equals(other.getEncoded(), publicKey.getEncoded());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Hands the key pair generator the private key's bytes as its "random" ones, so it rebuilds that pair. */
    private static final class FixedBytes extends SecureRandom {

        private final byte[] bytes;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] into) {
            if (into.length != bytes.length) {
                throw new IllegalStateException("expected a request for " + bytes.length + " bytes");
            }
            System.arraycopy(bytes, 0, into, 0, into.length);
        }
    }
}
