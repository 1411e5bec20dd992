package io.fleetguard.ocsf;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * JSON escaping that keeps a record on one line for every reader, not just JSON parsers.
 * JSON allows U+2028, U+2029 and U+0085 raw inside strings, but JavaScript engines before ES2019,
 * syslog relays and some line-oriented shippers treat them as line breaks, so a crafted summary could
 * split one OCSF record into two. They are written as {@code \\uXXXX}, as are DEL and all ASCII
 * control characters (Jackson's standard escapes).
 */
final class LineSafeEscapes extends CharacterEscapes {

    private static final long serialVersionUID = 1L;

    private final int[] asciiEscapes;

    LineSafeEscapes() {
        asciiEscapes = standardAsciiEscapesForJSON();
        asciiEscapes[0x7F] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return asciiEscapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        if (ch == 0x2028 || ch == 0x2029 || ch == 0x85) {
            return new SerializedString(String.format("\\u%04x", ch));
        }
        return null;
    }
}
