package org.libssl4j.cli.compare;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import org.libssl4j.Engine;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.bio.BioPair;
import org.libssl4j.cli.MeasuredPair;
import org.libssl4j.engine.jsse.ProbeIdentity;

/**
 * The heap one idle connection holds, per side: {@code count} connections are made (handshake done, TLS 1.3
 * tickets read, nothing in flight), then the clients are let go, then the servers, the heap measured after a full
 * collection each time. The BIO pairs between them are the transport, like a socket, and are not counted.
 */
final class IdleMemory {
    /** Kibibytes per idle client and per idle server connection. */
    record Result(String engine, int connections, double clientKib, double serverKib) {
    }

    private IdleMemory() {
    }

    static Result measure(Engine engine, ProbeIdentity id, int count) {
        SslCtx[] ctx = MeasuredPair.contexts(engine, id);
        try {
            List<Ssl> clients = new ArrayList<>(count);
            List<Ssl> servers = new ArrayList<>(count);
            List<BioPair> wires = new ArrayList<>(count);
            // One connection first, so that what every engine makes once (its classes, caches) is not counted.
            connect(ctx, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            long before = usedHeap();
            for (int i = 0; i < count; i++) {
                connect(ctx, clients, servers, wires);
            }
            long all = usedHeap();
            clients.forEach(Ssl::close);
            clients.clear();
            long withoutClients = usedHeap();
            servers.forEach(Ssl::close);
            servers.clear();
            long withoutServers = usedHeap();
            if (wires.size() != count || all <= before) {
                throw new IllegalStateException("the heap did not grow with " + count + " connections");
            }
            return new Result(engine.name(), count, (all - withoutClients) / 1024.0 / count,
                    (withoutClients - withoutServers) / 1024.0 / count);
        } finally {
            ctx[0].close();
            ctx[1].close();
        }
    }

    private static void connect(SslCtx[] ctx, List<Ssl> clients, List<Ssl> servers, List<BioPair> wires) {
        BioPair pair = BioPair.create();
        Ssl[] ssl = MeasuredPair.connect(ctx, pair);
        // Tickets and the like that follow a TLS 1.3 handshake are read, so the connection is truly idle.
        byte[] none = new byte[0];
        for (int i = 0; i < 3; i++) {
            ssl[0].read(none, 0, 0);
            ssl[1].read(none, 0, 0);
        }
        SslErrorQueue.clear();
        clients.add(ssl[0]);
        servers.add(ssl[1]);
        wires.add(pair);
    }

    private static long usedHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        // Several collections until the figure settles: one may leave garbage a finalizer or cleaner frees.
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
