package org.libssl4j.it.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libssl4j.Engine;
import org.libssl4j.Engines;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslMethod;
import org.libssl4j.SslMode;
import org.libssl4j.bio.BioPair;
import org.libssl4j.testkit.NullEngineProvider;

/**
 * What the state machine itself costs, measured around an engine without cryptography that allocates nothing:
 * no allocation per record in steady state, and no buffer kept by an idle connection in RELEASE_BUFFERS mode.
 * (Speed is measured in the benchmarks, not here.)
 */
class StateMachineCostTest {
    private static final Engine NULL_ENGINE = Engines.load(new NullEngineProvider());
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new java.util.Random(n).nextBytes(b);
        return b;
    }

    private static Ssl[] connected(long mode) {
        SslCtx clientCtx = SslCtx.newCtx(SslMethod.TLS_CLIENT, NULL_ENGINE);
        SslCtx serverCtx = SslCtx.newCtx(SslMethod.TLS_SERVER, NULL_ENGINE);
        Ssl client = clientCtx.newSsl();
        Ssl server = serverCtx.newSsl();
        BioPair pair = BioPair.create(65536, 65536);
        client.setBio(pair.first(), pair.first());
        server.setBio(pair.second(), pair.second());
        client.setConnectState();
        server.setAcceptState();
        client.setMode(mode);
        server.setMode(mode);
        for (int i = 0; i < 10 && !(client.isInitFinished() && server.isInitFinished()); i++) {
            client.doHandshake();
            server.doHandshake();
        }
        assertThat(client.isInitFinished() && server.isInitFinished()).as("null handshake").isTrue();
        return new Ssl[] {client, server};
    }

    /** Bytes this thread allocates while {@code records} records of {@code size} bytes go client to server. */
    private static long allocatedFor(Ssl client, Ssl server, int records, int size, byte[] out, byte[] in, java.nio.ByteBuffer bbOut, java.nio.ByteBuffer bbIn) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < records; i++) {
            if (bbOut == null) {
                if (client.write(out, 0, size) != size || server.read(in, 0, in.length) != size) {
                    throw new AssertionError("transfer failed at record " + i);
                }
            } else {
                bbOut.clear().limit(size);
                bbIn.clear();
                if (client.write(bbOut) != size || server.read(bbIn) != size) {
                    throw new AssertionError("transfer failed at record " + i);
                }
            }
        }
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    @Test
    @DisplayName("PERF-1 the state machine allocates nothing per record in steady state (arrays, heap and direct buffers)")
    void noAllocationPerRecord() {
        Ssl[] c = connected(0);
        byte[] out = bytes(16384);
        byte[] in = new byte[16384];
        for (java.nio.ByteBuffer[] bufs : new java.nio.ByteBuffer[][] {
                {null, null},
                {java.nio.ByteBuffer.wrap(out.clone()), java.nio.ByteBuffer.allocate(16384)},
                {java.nio.ByteBuffer.allocateDirect(16384), java.nio.ByteBuffer.allocateDirect(16384)}}) {
            allocatedFor(c[0], c[1], 20_000, 1000, out, in, bufs[0], bufs[1]); // warm up
            long bytes = allocatedFor(c[0], c[1], 20_000, 1000, out, in, bufs[0], bufs[1]);
            assertThat(bytes).as("bytes allocated for 20000 records (" + (bufs[0] == null ? "arrays" : bufs[0].isDirect() ? "direct" : "heap") + ")")
                    .isLessThan(20_000);
        }
    }

    @Test
    @DisplayName("PERF-2 in RELEASE_BUFFERS mode an idle connection keeps no I/O buffer: every record allocates them anew")
    void releaseBuffersDropsThem() {
        Ssl[] kept = connected(0);
        Ssl[] released = connected(SslMode.RELEASE_BUFFERS);
        byte[] out = bytes(1000);
        byte[] in = new byte[16384];
        allocatedFor(kept[0], kept[1], 1000, 1000, out, in, null, null);
        allocatedFor(released[0], released[1], 1000, 1000, out, in, null, null);
        long keptBytes = allocatedFor(kept[0], kept[1], 1000, 1000, out, in, null, null);
        long releasedBytes = allocatedFor(released[0], released[1], 1000, 1000, out, in, null, null);
        assertThat(keptBytes).as("without RELEASE_BUFFERS").isLessThan(1000);
        // Each record: the sender's record buffer, the receiver's read and plaintext buffers, taken and dropped.
        assertThat(releasedBytes / 1000).as("bytes per record with RELEASE_BUFFERS").isGreaterThan(3 * 16384);
    }
}
