package io.fleetguard.alert;

/**
 * Makes attacker-influenced text (device ids, principals, topics from broker logs) safe to carry
 * into alerts: control characters become U+FFFD and values are capped, so a crafted field cannot
 * forge log lines, break a SIEM parser or bloat an alert. JSON escaping happens at the JSON writer.
 */
public final class SafeText {

    public static final int MAX_LENGTH = 512;

    private SafeText() {
    }

    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        int limit = Math.min(s.length(), MAX_LENGTH);
        StringBuilder sb = null;
        for (int i = 0; i < limit; i++) {
            char c = s.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (control && sb == null) {
                sb = new StringBuilder(limit).append(s, 0, i);
            }
            if (sb != null) {
                sb.append(control ? '\uFFFD' : c);
            }
        }
        String out = sb != null ? sb.toString() : s.substring(0, limit);
        return s.length() > MAX_LENGTH ? out + "…[truncated " + (s.length() - MAX_LENGTH) + " chars]" : out;
    }
}
