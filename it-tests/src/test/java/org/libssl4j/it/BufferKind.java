package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.libssl4j.Ssl;
import org.libssl4j.testkit.junit.TestEngines;

/**
 * The kinds of buffer the data calls take: an array at a non-zero offset, and {@code ByteBuffer}s (heap, direct,
 * read-only, and a slice of a larger array at a non-zero array offset and position). {@link Source} and {@link
 * Dest} spell a write or a read of each kind the same way and check, on every call, what {@link Ssl}'s Javadoc
 * promises: the position advances by exactly the count returned (not at all for {@code <= 0}), the limit never
 * moves, and no byte outside the span written or read changes.
 */
enum BufferKind {
    ARRAY("array"), HEAP("heap"), DIRECT("direct"), READ_ONLY("read-only"), SLICE("slice");

    /** Bytes before the data in every buffer (an array's offset, a buffer's position), and after it. */
    private static final int LEAD = 5;
    private static final int SLACK = 8;
    private static final byte FILL = (byte) 0x5A;

    private final String label;

    BufferKind(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** Every engine with every kind: the source of {@link EngineSourceTest}. */
    static Stream<Arguments> enginesAndSources() {
        return TestEngines.names().flatMap(e -> Arrays.stream(values()).map(k -> Arguments.of(e, k)));
    }

    /** Every engine with every kind a read can fill (all but {@link #READ_ONLY}): the source of {@link EngineDestinationTest}. */
    static Stream<Arguments> enginesAndDestinations() {
        return TestEngines.names().flatMap(e -> Arrays.stream(values()).filter(k -> k != READ_ONLY)
                .map(k -> Arguments.of(e, k)));
    }

    /** A writable buffer of this kind's storage (heap or direct) with {@code capacity} bytes of {@link #FILL}. */
    private ByteBuffer storage(int capacity) {
        ByteBuffer b = this == DIRECT ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
        for (int i = 0; i < capacity; i++) {
            b.put(i, FILL);
        }
        return b;
    }

    /** The buffer the call takes, a view of {@code storage}: read-only, or a slice at a non-zero array offset. */
    private ByteBuffer view(ByteBuffer storage) {
        return switch (this) {
            case READ_ONLY -> storage.asReadOnlyBuffer();
            case SLICE -> storage.position(3).slice(); // array offset 3; the data then starts at position LEAD
            default -> storage;
        };
    }

    /** A source of this kind holding {@code data}, positioned at its first byte. */
    Source source(byte[] data) {
        return new Source(this, data);
    }

    /** A destination of this kind with room for {@code room} bytes. */
    Dest dest(int room) {
        if (this == READ_ONLY) {
            throw new IllegalArgumentException("a read cannot fill a read-only buffer");
        }
        return new Dest(this, room);
    }

    /** What a write takes: the array form ({@code write(array, base + done, len - done)}) or the buffer form. */
    static final class Source {
        final BufferKind kind;
        private final byte[] data;
        private final byte[] array;
        private final ByteBuffer storage;
        private final ByteBuffer view;
        private int base = LEAD;
        private int done;

        private Source(BufferKind kind, byte[] data) {
            this.kind = kind;
            this.data = data;
            int capacity = LEAD + data.length + SLACK;
            if (kind == ARRAY) {
                array = new byte[capacity];
                Arrays.fill(array, FILL);
                System.arraycopy(data, 0, array, LEAD, data.length);
                storage = null;
                view = null;
            } else {
                array = null;
                ByteBuffer s = kind.storage(capacity + 3);
                view = kind.view(s);
                storage = kind == SLICE ? s.duplicate().clear().position(3).slice() : s;
                storage.put(LEAD, data);
                view.limit(LEAD + data.length).position(LEAD);
            }
        }

        /** Bytes the writes of this source returned so far. */
        int done() {
            return done;
        }

        /** Bytes left to write. */
        int remaining() {
            return data.length - done;
        }

        /**
         * Writes what is left: the same array at the same offset, or the same buffer at its position (a retry,
         * after WANT_WRITE). Checks that the position advanced by exactly the count returned and that the limit and
         * the bytes stayed as they were.
         */
        int write(Ssl ssl) {
            int r;
            if (kind == ARRAY) {
                r = ssl.write(array, base + done, data.length - done);
            } else {
                int position = view.position();
                int limit = view.limit();
                r = ssl.write(view);
                assertThat(view.position()).as(kind + " position after write returned " + r)
                        .isEqualTo(position + Math.max(r, 0));
                assertThat(view.limit()).as(kind + " limit after write").isEqualTo(limit);
            }
            if (r > 0) {
                done += r;
            }
            return r;
        }

        /**
         * Moves the bytes left one place up in the same array or buffer: the next {@link #write} passes the same
         * array at another offset, or the same buffer at another position, with the same bytes and length.
         */
        void shift() {
            byte[] rest = Arrays.copyOfRange(data, done, data.length);
            base++;
            if (kind == ARRAY) {
                System.arraycopy(rest, 0, array, base + done, rest.length);
            } else {
                storage.duplicate().clear().put(base + done, rest);
                view.limit(base + data.length).position(base + done);
            }
        }

        /** Another buffer or array of the same kind with the bytes left, the same length. */
        Source copy() {
            return new Source(kind, Arrays.copyOfRange(data, done, data.length));
        }

        /** Checks that no write changed a byte of the array or buffer. */
        void assertUnchanged() {
            for (int i = 0; i < data.length; i++) {
                byte b = kind == ARRAY ? array[base + i] : view.get(base + i);
                if (b != data[i]) {
                    assertThat(b).as(kind + " source byte " + i).isEqualTo(data[i]);
                }
            }
        }
    }

    /** What a read or peek fills: the array form at a non-zero offset, or the buffer form. */
    static final class Dest {
        final BufferKind kind;
        private final int room;
        private final byte[] array;
        private final ByteBuffer view;

        private Dest(BufferKind kind, int room) {
            this.kind = kind;
            this.room = room;
            int capacity = LEAD + room + SLACK;
            if (kind == ARRAY) {
                array = new byte[capacity];
                Arrays.fill(array, FILL);
                view = null;
            } else {
                array = null;
                view = kind.view(kind.storage(capacity + 3));
                view.limit(LEAD + room).position(LEAD);
            }
        }

        int read(Ssl ssl) {
            return call(ssl, false);
        }

        int peek(Ssl ssl) {
            return call(ssl, true);
        }

        /**
         * One read or peek of up to {@code room} bytes into a fresh span, checking the position, the limit, and that
         * no byte outside the span returned changed; returns the count and keeps the bytes for {@link #bytes}.
         */
        private int call(Ssl ssl, boolean peek) {
            String what = kind + (peek ? " peek" : " read");
            int r;
            if (kind == ARRAY) {
                r = peek ? ssl.peek(array, LEAD, room) : ssl.read(array, LEAD, room);
            } else {
                view.limit(LEAD + room).position(LEAD);
                r = peek ? ssl.peek(view) : ssl.read(view);
                assertThat(view.position()).as(what + " position after " + r).isEqualTo(LEAD + Math.max(r, 0));
                assertThat(view.limit()).as(what + " limit").isEqualTo(LEAD + room);
            }
            last = Math.max(r, 0);
            int capacity = LEAD + room + SLACK;
            ByteBuffer all = kind == ARRAY ? null : view.duplicate().clear();
            for (int i = 0; i < capacity; i++) {
                if (i >= LEAD && i < LEAD + last) {
                    continue;
                }
                byte b = kind == ARRAY ? array[i] : all.get(i);
                if (b != FILL) {
                    assertThat(b).as(what + " byte " + i + " outside the " + last + " returned").isEqualTo(FILL);
                }
            }
            return r;
        }

        private int last;

        /** The bytes the last read or peek returned; the span is then filled again, for the next call's check. */
        byte[] bytes() {
            byte[] b = new byte[last];
            for (int i = 0; i < last; i++) {
                b[i] = kind == ARRAY ? array[LEAD + i] : view.get(LEAD + i);
                if (kind == ARRAY) {
                    array[LEAD + i] = FILL;
                } else {
                    view.put(LEAD + i, FILL);
                }
            }
            return b;
        }
    }
}
