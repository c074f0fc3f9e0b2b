package dev.netchat.loadtest;

import io.netty.buffer.ByteBuf;

/**
 * The message text every target carries: {@code LT|room|ordinal|sendNanos|} padded with {@code x} to a fixed
 * length. The receiver finds the marker in the raw frame (whatever envelope the server wraps around the text) and
 * reads the room, the message's ordinal in that room and the send time back, without a JSON parser.
 */
public final class Payload {

    /** What a receiver reads back out of a frame. */
    public record Stamp(int room, int ordinal, long sendNanos) {}

    private static final byte L = 'L';
    private static final byte T = 'T';
    private static final byte BAR = '|';

    private Payload() {}

    public static String text(int room, int ordinal, long sendNanos, int length) {
        StringBuilder sb = new StringBuilder(length);
        sb.append("LT|")
                .append(room)
                .append('|')
                .append(ordinal)
                .append('|')
                .append(sendNanos)
                .append('|');
        while (sb.length() < length) {
            sb.append('x');
        }
        return sb.toString();
    }

    /** The stamp inside a frame, or null when the frame carries no load-test message. */
    public static Stamp find(ByteBuf frame) {
        int end = frame.writerIndex();
        for (int i = frame.readerIndex(); i + 2 < end; i++) {
            if (frame.getByte(i) == L && frame.getByte(i + 1) == T && frame.getByte(i + 2) == BAR) {
                Stamp s = parseAt(frame, i + 3, end);
                if (s != null) {
                    return s;
                }
            }
        }
        return null;
    }

    /** The same for a string (used by the in-process fake server and tests). */
    public static Stamp find(String frame) {
        int i = frame.indexOf("LT|");
        while (i >= 0) {
            long[] v = new long[3];
            int pos = i + 3;
            boolean ok = true;
            for (int f = 0; f < 3 && ok; f++) {
                long n = 0;
                int start = pos;
                while (pos < frame.length() && Character.isDigit(frame.charAt(pos))) {
                    n = n * 10 + (frame.charAt(pos++) - '0');
                }
                ok = pos > start && pos < frame.length() && frame.charAt(pos) == '|';
                v[f] = n;
                pos++;
            }
            if (ok) {
                return new Stamp((int) v[0], (int) v[1], v[2]);
            }
            i = frame.indexOf("LT|", i + 1);
        }
        return null;
    }

    private static Stamp parseAt(ByteBuf b, int pos, int end) {
        long[] v = new long[3];
        for (int f = 0; f < 3; f++) {
            long n = 0;
            int start = pos;
            while (pos < end) {
                byte c = b.getByte(pos);
                if (c < '0' || c > '9') {
                    break;
                }
                n = n * 10 + (c - '0');
                pos++;
            }
            if (pos == start || pos >= end || b.getByte(pos) != BAR) {
                return null;
            }
            v[f] = n;
            pos++;
        }
        return new Stamp((int) v[0], (int) v[1], v[2]);
    }
}
