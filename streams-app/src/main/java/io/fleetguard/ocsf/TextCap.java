package io.fleetguard.ocsf;

import java.util.List;

/**
 * Caps what goes into one OCSF record, so a crafted or runaway alert cannot bloat it: every string
 * to {@link #MAX_CHARS} characters plus a marker, every list or map to {@link #MAX_ITEMS} entries.
 * It remembers whether anything was cut, which the record reports as {@code metadata.is_truncated}.
 * One instance per record; not thread-safe.
 */
final class TextCap {

    static final int MAX_CHARS = 2048;
    static final int MAX_ITEMS = 64;

    private boolean truncated;

    /** @return the text, cut to {@link #MAX_CHARS} with a marker, unpaired surrogates replaced; null stays null */
    String text(String s) {
        if (s == null) {
            return null;
        }
        if (s.length() <= MAX_CHARS) {
            return wellFormed(s);
        }
        int end = MAX_CHARS;
        // Never split a surrogate pair: half a character would not survive UTF-8 encoding.
        if (Character.isHighSurrogate(s.charAt(end - 1)) && Character.isLowSurrogate(s.charAt(end))) {
            end--;
        }
        truncated = true;
        return wellFormed(s.substring(0, end)) + "…[truncated " + (s.length() - end) + " chars]";
    }

    /** @return at most {@link #MAX_ITEMS} first items of the list (empty for null) */
    <T> List<T> items(List<T> list) {
        if (list == null) {
            return List.of();
        }
        if (list.size() <= MAX_ITEMS) {
            return list;
        }
        truncated = true;
        return list.subList(0, MAX_ITEMS);
    }

    /** Records a cut made by the caller (for example of map entries). */
    void markTruncated() {
        truncated = true;
    }

    boolean truncated() {
        return truncated;
    }

    /**
     * A lone surrogate is not a character: Kafka's UTF-8 encoder would turn it into '?', so it is
     * replaced here by U+FFFD where the change is visible.
     */
    private static String wellFormed(String s) {
        StringBuilder sb = null;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int width = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)) ? 2 : 1;
            boolean lone = width == 1 && Character.isSurrogate(c);
            if (lone && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (sb != null) {
                sb.append(lone ? "\uFFFD" : s.substring(i, i + width));
            }
            i += width;
        }
        return sb == null ? s : sb.toString();
    }
}
