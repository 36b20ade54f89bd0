package org.libssl4j.it.project;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libssl4j.Engine;
import org.libssl4j.Engines;
import org.libssl4j.Ssl;
import org.libssl4j.SslCtx;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslMethod;
import org.libssl4j.bio.BioPair;
import org.libssl4j.testkit.NullEngineProvider;

/** SSL_free: close() frees the engine at once, and a Cleaner frees it when the caller forgets (null engine, which counts). */
class LifecycleTest {
    private static final Engine NULL_ENGINE = Engines.load(new NullEngineProvider());

    private static Ssl startedClient(SslCtx ctx) {
        Ssl ssl = ctx.newSsl();
        BioPair pair = BioPair.create();
        ssl.setBio(pair.first(), pair.first());
        ssl.setConnectState();
        ssl.doHandshake(); // makes the engine
        SslErrorQueue.clear();
        return ssl;
    }

    @Test
    @DisplayName("CLOSE-1 close() frees the engine at once, twice is harmless, and later calls fail as after a fatal error")
    synchronized void closeFrees() {
        SslCtx ctx = SslCtx.newCtx(SslMethod.TLS_CLIENT, NULL_ENGINE);
        int before = NullEngineProvider.openEngines();
        Ssl ssl = startedClient(ctx);
        assertThat(NullEngineProvider.openEngines()).isEqualTo(before + 1);
        ssl.close();
        ssl.close();
        assertThat(NullEngineProvider.openEngines()).isEqualTo(before);
        int r = ssl.write(new byte[3], 0, 3);
        assertThat(r).isEqualTo(-1);
        assertThat(ssl.getError(r)).isEqualTo(SslError.SYSCALL);
    }

    @Test
    @DisplayName("CLOSE-4 an engine context is closed when the last connection made with its settings and the context's own hold are gone")
    synchronized void engineContextsClosed() {
        int before = NullEngineProvider.openContexts();
        SslCtx ctx = SslCtx.newCtx(SslMethod.TLS_CLIENT, NULL_ENGINE);
        Ssl first = startedClient(ctx);
        assertThat(NullEngineProvider.openContexts()).isEqualTo(before + 1);
        ctx.setVerify(org.libssl4j.SslVerify.NONE, null); // new settings: later connections get a context of their own
        Ssl second = startedClient(ctx);
        assertThat(NullEngineProvider.openContexts()).isEqualTo(before + 2);
        first.close();
        assertThat(NullEngineProvider.openContexts()).as("the first settings' last connection is gone").isEqualTo(before + 1);
        ctx.close();
        assertThat(NullEngineProvider.openContexts()).as("the second connection still holds its settings").isEqualTo(before + 1);
        second.close();
        assertThat(NullEngineProvider.openContexts()).isEqualTo(before);
        SslErrorQueue.clear();
    }

    @Test
    @DisplayName("CLOSE-2 a connection dropped without close() has its engine freed by a Cleaner")
    synchronized void cleanerFrees() throws InterruptedException {
        SslCtx ctx = SslCtx.newCtx(SslMethod.TLS_CLIENT, NULL_ENGINE);
        int before = NullEngineProvider.openEngines();
        java.util.List<Ssl> held = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            held.add(startedClient(ctx));
        }
        assertThat(NullEngineProvider.openEngines()).isEqualTo(before + 10);
        held.clear(); // dropped without close()
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (NullEngineProvider.openEngines() > before && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(NullEngineProvider.openEngines()).as("engines left open").isEqualTo(before);
    }

    @Test
    @DisplayName("CLOSE-3 closing a context refuses new connections; those made before keep working, as in libssl")
    synchronized void contextClose() {
        SslCtx client = SslCtx.newCtx(SslMethod.TLS_CLIENT, NULL_ENGINE);
        SslCtx server = SslCtx.newCtx(SslMethod.TLS_SERVER, NULL_ENGINE);
        Ssl c = client.newSsl();
        Ssl s = server.newSsl();
        client.close();
        server.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(client::newSsl).isInstanceOf(IllegalStateException.class);
        BioPair pair = BioPair.create();
        c.setBio(pair.first(), pair.first());
        s.setBio(pair.second(), pair.second());
        c.setConnectState();
        s.setAcceptState();
        for (int i = 0; i < 5; i++) {
            c.doHandshake();
            s.doHandshake();
        }
        assertThat(c.isInitFinished() && s.isInitFinished()).isTrue();
        assertThat(c.write(new byte[7], 0, 7)).isEqualTo(7);
        assertThat(s.read(new byte[10], 0, 10)).isEqualTo(7);
    }
}
