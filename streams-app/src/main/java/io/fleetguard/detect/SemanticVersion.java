package io.fleetguard.detect;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version in Semantic Versioning 2.0.0 form ({@code major.minor.patch[-pre.release][+build]}),
 * optionally prefixed by one 'v' or 'V' as firmware versions often are, ordered by semver
 * precedence (section 11): numeric core fields numerically, a pre-release below its release,
 * pre-release identifiers one by one (numeric ones numerically and below alphanumeric ones,
 * those in ASCII order, a longer list above its prefix). Build metadata is dropped, since it has
 * no precedence, so equality agrees with ordering.
 *
 * <p>Parsing is strict: "1.2" or "1.02.0" is not a semantic version, so no order is claimed for
 * it. A downgrade verdict built on guessed versions would be noise.
 *
 * @param preRelease the dot-separated pre-release identifiers; empty for a release
 */
public record SemanticVersion(BigInteger major, BigInteger minor, BigInteger patch, List<String> preRelease)
        implements Comparable<SemanticVersion> {

    private static final String NUMBER = "0|[1-9][0-9]*";
    private static final String PRE_IDENTIFIER = "(?:" + NUMBER + "|[0-9]*[A-Za-z-][0-9A-Za-z-]*)";
    private static final Pattern SEMVER = Pattern.compile("[vV]?(" + NUMBER + ")\\.(" + NUMBER + ")\\.(" + NUMBER + ")"
            + "(?:-(" + PRE_IDENTIFIER + "(?:\\." + PRE_IDENTIFIER + ")*))?"
            + "(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");
    private static final Pattern NUMERIC = Pattern.compile("[0-9]+");

    public SemanticVersion {
        preRelease = List.copyOf(preRelease);
    }

    /** @return the version, or empty when the text (surrounding blanks ignored) is not a semantic version */
    public static Optional<SemanticVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = SEMVER.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
        return Optional.of(new SemanticVersion(new BigInteger(m.group(1)), new BigInteger(m.group(2)),
                new BigInteger(m.group(3)), pre));
    }

    @Override
    public int compareTo(SemanticVersion other) {
        int c = major.compareTo(other.major);
        if (c == 0) {
            c = minor.compareTo(other.minor);
        }
        if (c == 0) {
            c = patch.compareTo(other.patch);
        }
        return c != 0 ? c : comparePreRelease(preRelease, other.preRelease);
    }

    public boolean isLowerThan(SemanticVersion other) {
        return compareTo(other) < 0;
    }

    private static int comparePreRelease(List<String> a, List<String> b) {
        // A release (no identifiers) ranks above any of its pre-releases.
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty());
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compareIdentifier(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareIdentifier(String a, String b) {
        boolean aNumeric = NUMERIC.matcher(a).matches();
        boolean bNumeric = NUMERIC.matcher(b).matches();
        if (aNumeric && bNumeric) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (aNumeric != bNumeric) {
            return aNumeric ? -1 : 1;
        }
        return Integer.signum(a.compareTo(b));
    }

    @Override
    public String toString() {
        String core = major + "." + minor + "." + patch;
        return preRelease.isEmpty() ? core : core + "-" + String.join(".", preRelease);
    }
}
