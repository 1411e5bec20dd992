package io.fleetguard.ingest;

/**
 * The checks every record passes before a dialect parser sees it: one line per record, of a sane
 * length, from a named broker. A record that fails is rejected whole rather than partly parsed.
 */
final class RawLine {

    /** Far above any real broker line (Mosquitto truncates its own at 999 bytes). */
    static final int MAX_CHARS = 16 * 1024;

    private RawLine() {
    }

    /** The reject reason, or null when the line may be parsed. */
    static String problem(String brokerId, String line) {
        if (brokerId == null || brokerId.isBlank()) {
            return Reasons.MISSING_BROKER_ID;
        }
        if (line == null || line.isBlank()) {
            return Reasons.BLANK_LINE;
        }
        if (line.length() > MAX_CHARS) {
            return Reasons.LINE_TOO_LONG;
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\n' || c == '\r') {
                // Several lines in one record, or a forged second line: either way not one event.
                return Reasons.EMBEDDED_LINE_BREAK;
            }
            if (c == '\0') {
                return Reasons.NUL_CHARACTER;
            }
        }
        return null;
    }

    /** Shippers often keep the terminator; one trailing newline (and carriage return) is dropped. */
    static String withoutTerminator(String line) {
        if (line == null) {
            return null;
        }
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        return line.substring(0, end);
    }
}
