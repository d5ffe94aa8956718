package dev.gorunbench.exec;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An output stream that keeps only the last {@code capacity} bytes written to it, so a chatty child
 * (for example {@code go build -x}) is drained without holding its whole output in memory.
 */
final class OutputTail extends OutputStream {
    private final byte[] ring;
    private long written;

    OutputTail(int capacity) {
        ring = new byte[capacity];
    }

    @Override
    public synchronized void write(int b) {
        ring[(int) (written % ring.length)] = (byte) b;
        written++;
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = 0; i < length; i++) {
            ring[(int) ((written + i) % ring.length)] = bytes[offset + i];
        }
        written += length;
    }

    synchronized String text() {
        int size = (int) Math.min(written, ring.length);
        byte[] ordered = new byte[size];
        long start = written - size;
        for (int i = 0; i < size; i++) {
            ordered[i] = ring[(int) ((start + i) % ring.length)];
        }
        return new String(ordered, StandardCharsets.UTF_8);
    }

    /** Returns the last {@code count} lines of {@code text}, each ending in a newline. */
    static String lastLines(String text, int count) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        List<String> lines = text.lines().toList();
        StringBuilder tail = new StringBuilder();
        for (String line : lines.subList(Math.max(0, lines.size() - count), lines.size())) {
            tail.append(line).append('\n');
        }
        return tail.toString();
    }
}
