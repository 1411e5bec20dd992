package io.fleetguard.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The rejects file: one JSON line per line that was not replayed, with file, line number, reason
 * and the original text capped at {@value #TEXT_CAP} characters. The first {@value #CONSOLE_LIMIT}
 * are also reported on the console as {@code file:line: reason}; a bad line never stops a replay.
 */
final class Rejects implements FileIndex.Rejections, AutoCloseable {

    static final int TEXT_CAP = 1000;
    static final int CONSOLE_LIMIT = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    private final BufferedWriter out;
    private final PrintStream console;
    private long malformed;
    private long deadLetters;

    Rejects(Path path, PrintStream console) throws IOException {
        this.path = path;
        this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        this.console = console;
    }

    @Override
    public void reject(Path file, int lineNumber, String reason, byte[] buffer, int start, int length) {
        malformed++;
        write(file, lineNumber, reason, buffer, start, length);
    }

    /** A line that decoded but that the topology dead-lettered (it breaks the input contract). */
    void deadLetter(HistoryLine line, String reason, String message) {
        deadLetters++;
        // The topology's messages usually start with the reason code already.
        String why = message.startsWith(reason) ? message : reason + ": " + message;
        write(line.file(), line.lineNumber(), "dead-letter " + why, line.text(), 0, line.text().length);
    }

    private void write(Path file, int lineNumber, String reason, byte[] buffer, int start, int length) {
        long n = malformed + deadLetters;
        if (n <= CONSOLE_LIMIT) {
            console.println(file + ":" + lineNumber + ": " + reason);
        }
        if (n == CONSOLE_LIMIT + 1) {
            console.println("(further rejected lines are only listed in " + path + ")");
        }
        String text = decode(buffer, start, Math.min(length, TEXT_CAP * 4));
        ObjectNode node = JSON.createObjectNode()
                .put("file", file.toString())
                .put("line", lineNumber)
                .put("reason", reason)
                .put("text", text.length() > TEXT_CAP ? text.substring(0, TEXT_CAP) : text);
        if (text.length() > TEXT_CAP || length > TEXT_CAP * 4) {
            node.put("truncated", true);
        }
        try {
            out.write(JSON.writeValueAsString(node));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    /** Invalid UTF-8 becomes U+FFFD rather than failing the report of a bad line. */
    private static String decode(byte[] buffer, int start, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(java.nio.ByteBuffer.wrap(buffer, start, length)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return "";
        }
    }

    long malformed() {
        return malformed;
    }

    long deadLetters() {
        return deadLetters;
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
