package io.fleetguard.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * The simulator's fake secrets. A secret is derived from (seed, domain, subject, generation),
 * hashed into its fingerprint and dropped on the spot: like the real registry, every record
 * only ever carries the sha256 fingerprint.
 */
final class FakeSecrets {

    /** A credential of a registered device; the subject is the device index. */
    static final long FLEET = 0;
    /** A credential held by an unregistered device; the subject is its would-be index. */
    static final long UNREGISTERED = 1;
    /** A credential forged by an impersonator; the subject is a random number. */
    static final long FORGED = 2;
    /** A wrong secret an attacker tried; the subject is a random number. */
    static final long GUESSED = 3;
    /** The factory-default secret a device shipped with; the subject is the device index. */
    static final long FACTORY = 4;

    private FakeSecrets() {
    }

    static String fingerprint(long seed, long domain, long subject, int generation) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest(material(seed, domain, subject, generation).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /** The secret itself; package-private only so tests can prove it never reaches a record. */
    static String material(long seed, long domain, long subject, int generation) {
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, Seeds.SECRET, domain, subject, generation));
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
