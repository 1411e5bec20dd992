package io.fleetguard.detect;

/**
 * MQTT topic filter matching as specified in MQTT 3.1.1 and 5.0, section 4.7: '/' separates
 * levels (empty levels are valid), '+' matches exactly one level, '#' matches the parent level
 * and any number of child levels, and wildcards must occupy a whole level.
 */
public final class MqttTopicFilter {

    private MqttTopicFilter() {
    }

    /**
     * @return true when the topic name matches the filter; false for an invalid filter or an
     *         invalid topic name (empty, or containing a wildcard or NUL)
     */
    public static boolean matches(String filter, String topic) {
        if (!isValidFilter(filter) || !isValidTopicName(topic)) {
            return false;
        }
        // Section 4.7.2: system topics ($SYS/...) are invisible to filters starting with a wildcard.
        char first = filter.charAt(0);
        if (topic.charAt(0) == '$' && (first == '+' || first == '#')) {
            return false;
        }
        int filterLength = filter.length();
        int topicLength = topic.length();
        int f = 0;
        int t = 0;
        // f and t are the starts of the current levels; start == length + 1 means "no more levels".
        while (f <= filterLength) {
            int fEnd = levelEnd(filter, f);
            int levelLength = fEnd - f;
            if (levelLength == 1 && filter.charAt(f) == '#') {
                return true;
            }
            if (t > topicLength) {
                return false;
            }
            int tEnd = levelEnd(topic, t);
            boolean plus = levelLength == 1 && filter.charAt(f) == '+';
            if (!plus && (levelLength != tEnd - t || !filter.regionMatches(f, topic, t, levelLength))) {
                return false;
            }
            f = fEnd + 1;
            t = tEnd + 1;
        }
        return t > topicLength;
    }

    /** A filter is valid when it is non-empty and every wildcard occupies a whole level, '#' only the last. */
    public static boolean isValidFilter(String filter) {
        if (filter == null || filter.isEmpty()) {
            return false;
        }
        int last = filter.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = filter.charAt(i);
            boolean levelStart = i == 0 || filter.charAt(i - 1) == '/';
            boolean levelEnd = i == last || filter.charAt(i + 1) == '/';
            if (c == '\u0000'
                    || (c == '#' && !(levelStart && i == last))
                    || (c == '+' && !(levelStart && levelEnd))) {
                return false;
            }
        }
        return true;
    }

    /** A topic name is valid when it is non-empty and contains no wildcard and no NUL. */
    public static boolean isValidTopicName(String topic) {
        if (topic == null || topic.isEmpty()) {
            return false;
        }
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            if (c == '+' || c == '#' || c == '\u0000') {
                return false;
            }
        }
        return true;
    }

    private static int levelEnd(String s, int start) {
        int slash = s.indexOf('/', start);
        return slash < 0 ? s.length() : slash;
    }
}
