package io.fleetguard.detect;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The byte layout of rule state in the state stores: exactly {@link DataOutputStream}'s (big-endian
 * longs and ints, one byte per boolean, strings as modified UTF-8 behind an unsigned 16-bit length),
 * so state written by earlier versions reads unchanged. It is read and written on a plain array
 * instead of through streams, with a direct path for ASCII strings (device ids, networks, session
 * ids): this runs for every event that touches a rule with memory.
 */
final class StateBytes {

    private StateBytes() {
    }

    /** Appends values to a growing array. */
    static final class Writer {
        private byte[] buf;
        private int size;

        Writer(int expectedSize) {
            buf = new byte[Math.max(16, expectedSize)];
        }

        Writer writeLong(long v) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buf[size++] = (byte) (v >>> shift);
            }
            return this;
        }

        Writer writeInt(int v) {
            ensure(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                buf[size++] = (byte) (v >>> shift);
            }
            return this;
        }

        Writer writeBoolean(boolean v) {
            ensure(1);
            buf[size++] = (byte) (v ? 1 : 0);
            return this;
        }

        /** As {@link DataOutputStream#writeUTF}: fails for strings over 65,535 encoded bytes. */
        Writer writeUTF(String s) {
            byte[] encoded = isPlainAscii(s) ? s.getBytes(StandardCharsets.ISO_8859_1) : modifiedUtf8(s);
            if (encoded.length > 0xFFFF) {
                throw new IllegalArgumentException("string too long for state: " + encoded.length + " bytes");
            }
            ensure(2 + encoded.length);
            buf[size++] = (byte) (encoded.length >>> 8);
            buf[size++] = (byte) encoded.length;
            System.arraycopy(encoded, 0, buf, size, encoded.length);
            size += encoded.length;
            return this;
        }

        byte[] toBytes() {
            return Arrays.copyOf(buf, size);
        }

        private void ensure(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }
    }

    /** Reads values in the order they were written; a short or malformed array is corrupt state. */
    static final class Reader {
        private final ByteBuffer in;

        Reader(byte[] data) {
            in = ByteBuffer.wrap(data);
        }

        long readLong() {
            try {
                return in.getLong();
            } catch (BufferUnderflowException e) {
                throw corrupt(e);
            }
        }

        int readInt() {
            try {
                return in.getInt();
            } catch (BufferUnderflowException e) {
                throw corrupt(e);
            }
        }

        boolean readBoolean() {
            try {
                return in.get() != 0;
            } catch (BufferUnderflowException e) {
                throw corrupt(e);
            }
        }

        String readUTF() {
            int length;
            try {
                length = Short.toUnsignedInt(in.getShort());
            } catch (BufferUnderflowException e) {
                throw corrupt(e);
            }
            int start = in.position();
            if (length > in.remaining()) {
                throw corrupt(new BufferUnderflowException());
            }
            byte[] data = in.array();
            in.position(start + length);
            for (int i = start; i < start + length; i++) {
                if (data[i] <= 0) { // a multi-byte sequence (or a stray 0): decode the general way
                    return decodeModifiedUtf8(data, start - 2, length + 2);
                }
            }
            return new String(data, start, length, StandardCharsets.ISO_8859_1);
        }
    }

    /** Characters 1..127 only: then modified UTF-8 is one byte per character. */
    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || c > 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static byte[] modifiedUtf8(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length() * 3 + 2);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(s);
        } catch (IOException e) {
            throw new IllegalArgumentException("string not encodable in state: " + e.getMessage(), e);
        }
        byte[] withLength = bytes.toByteArray();
        return Arrays.copyOfRange(withLength, 2, withLength.length);
    }

    private static String decodeModifiedUtf8(byte[] data, int offset, int length) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, offset, length))) {
            return in.readUTF();
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt state", e);
        }
    }

    private static UncheckedIOException corrupt(RuntimeException cause) {
        return new UncheckedIOException("corrupt state", new IOException("state ends early", cause));
    }
}
