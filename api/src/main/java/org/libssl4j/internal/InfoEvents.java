package org.libssl4j.internal;

import org.libssl4j.SslCb;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslReason;

/**
 * Where the state machine and the record layer tell the application's info callback what happens
 * ({@code SSL_CTX_set_info_callback}; docs/SEMANTICS.md INFO-1..4). Without a sink every event costs one check.
 */
final class InfoEvents {
    private final Failure failure;
    private Connection.InfoSink sink;
    /** A handshake is running: a callback that throws stops it there, with an internal_error alert. */
    private boolean inHandshake;

    InfoEvents(Failure failure) {
        this.failure = failure;
    }

    void setSink(Connection.InfoSink sink) {
        this.sink = sink;
    }

    /** An alert sent or received: {@code level << 8 | description}. */
    void alert(boolean written, int level, int description) {
        emit(written ? SslCb.WRITE_ALERT : SslCb.READ_ALERT, level << 8 | description);
    }

    void handshakeRunning(boolean running) {
        inHandshake = running;
    }

    /** One event. */
    void emit(int where, int ret) {
        Connection.InfoSink s = sink;
        if (s != null) {
            guard(() -> s.info(where, ret));
        }
    }

    /**
     * Runs an application callback (info or message). One that throws fails the connection with "callback failed":
     * inside a handshake as a refusing callback does (the handshake stops at its next step, internal_error sent),
     * elsewhere at once.
     */
    void guard(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            String detail = "the application's callback threw " + e;
            if (inHandshake && !failure.isBlamed()) {
                failure.blame(SslReason.CALLBACK_FAILED, RecordLayer.ALERT_INTERNAL_ERROR, detail, e);
            } else if (!failure.isFatal()) {
                failure.fail(SslErrorEntry.LIB_SSL, SslReason.CALLBACK_FAILED, detail, e);
            }
        }
    }

}
