package io.fleetguard.replay;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A JSON Lines record that does not match its Avro contract. The message names the field path
 * (e.g. {@code credentials[1].issuedAt}) and what was wrong; it never repeats a field's value, so
 * it is safe to log. The path is assembled while the exception unwinds, which costs nothing on the
 * happy path.
 */
public final class MalformedRecordException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Deque<String> path = new ArrayDeque<>();
    private final String problem;

    public MalformedRecordException(String problem) {
        super(problem, null, false, false);
        this.problem = problem;
    }

    /** Adds the enclosing field name; called by each enclosing record on the way out. */
    MalformedRecordException inField(String name) {
        path.addFirst(name);
        return this;
    }

    /** Adds the enclosing array index or map key. */
    MalformedRecordException inElement(String indexOrKey) {
        path.addFirst("[" + indexOrKey + "]");
        return this;
    }

    /** The field path, empty for a problem with the line as a whole. */
    public String path() {
        StringBuilder sb = new StringBuilder();
        for (String segment : path) {
            // Avro names never start with '[', so a segment that does is an index or a key.
            if (!segment.startsWith("[") && sb.length() > 0) {
                sb.append('.');
            }
            sb.append(segment);
        }
        return sb.toString();
    }

    public String problem() {
        return problem;
    }

    @Override
    public String getMessage() {
        String p = path();
        return p.isEmpty() ? problem : "field '" + p + "': " + problem;
    }
}
