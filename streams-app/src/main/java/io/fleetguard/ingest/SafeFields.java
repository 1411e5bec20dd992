package io.fleetguard.ingest;

import java.util.regex.Pattern;

/**
 * Every value copied from a log line into an event passes through here. Broker logs carry text
 * chosen by whoever connects (client ids, usernames, topics), so a value is capped, stripped of
 * control, line-separator and bidirectional-override characters (which could forge log lines or
 * disguise text in a SIEM), and anything shaped like a secret assignment is redacted: no broker we
 * parse logs a password, but a plugin or a careless username might.
 */
final class SafeFields {

    static final int MAX_LENGTH = 256;
    static final String REDACTED = "[redacted]";

    private static final Pattern SECRET =
            Pattern.compile("(?i)(pass(?:word|wd)?|pwd|secret|token)(\\s*[=:]\\s*)[^\\s,;)'\"]+");

    private SafeFields() {
    }

    /** Null, blank or cleaned text; never longer than {@link #MAX_LENGTH} plus an ellipsis. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String s = value.strip();
        if (s.isEmpty()) {
            return null;
        }
        if (s.length() > MAX_LENGTH) {
            int cut = Character.isHighSurrogate(s.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
            s = s.substring(0, cut) + "…";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(unsafe(c) ? '\uFFFD' : c);
        }
        return SECRET.matcher(sb).replaceAll("$1$2" + REDACTED);
    }

    private static boolean unsafe(char c) {
        return Character.isISOControl(c)
                || c == '\u2028' || c == '\u2029'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E' || c == '\u200F';
    }
}
