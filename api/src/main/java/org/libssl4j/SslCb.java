package org.libssl4j;

/** The {@code SSL_CB_*} and {@code SSL_ST_*} values an {@link InfoCallback} is given, with OpenSSL's numbers. */
public final class SslCb {
    private SslCb() {
    }

    /** {@code SSL_ST_CONNECT}: the event is a client's. */
    public static final int ST_CONNECT = 0x1000;
    /** {@code SSL_ST_ACCEPT}: the event is a server's. */
    public static final int ST_ACCEPT = 0x2000;
    /** {@code SSL_CB_LOOP}: the handshake moved on (here: a handshake record went out or came in). */
    public static final int LOOP = 0x01;
    /** {@code SSL_CB_EXIT}: a handshake call returns; {@code ret} is its return value. */
    public static final int EXIT = 0x02;
    /** {@code SSL_CB_READ}. */
    public static final int READ = 0x04;
    /** {@code SSL_CB_WRITE}. */
    public static final int WRITE = 0x08;
    /** {@code SSL_CB_ALERT}: an alert; {@code ret} is {@code level << 8 | description}. */
    public static final int ALERT = 0x4000;
    /** {@code SSL_CB_READ_ALERT}: an alert was received. */
    public static final int READ_ALERT = ALERT | READ;
    /** {@code SSL_CB_WRITE_ALERT}: an alert was sent. */
    public static final int WRITE_ALERT = ALERT | WRITE;
    /** {@code SSL_CB_ACCEPT_LOOP}. */
    public static final int ACCEPT_LOOP = ST_ACCEPT | LOOP;
    /** {@code SSL_CB_ACCEPT_EXIT}. */
    public static final int ACCEPT_EXIT = ST_ACCEPT | EXIT;
    /** {@code SSL_CB_CONNECT_LOOP}. */
    public static final int CONNECT_LOOP = ST_CONNECT | LOOP;
    /** {@code SSL_CB_CONNECT_EXIT}. */
    public static final int CONNECT_EXIT = ST_CONNECT | EXIT;
    /** {@code SSL_CB_HANDSHAKE_START}: a handshake (the first, or a renegotiation) begins. */
    public static final int HANDSHAKE_START = 0x10;
    /** {@code SSL_CB_HANDSHAKE_DONE}: this side's handshake finished. */
    public static final int HANDSHAKE_DONE = 0x20;

    /** {@code SSL3_AL_WARNING}, the level in an alert's {@code ret}. */
    public static final int AL_WARNING = 1;
    /** {@code SSL3_AL_FATAL}. */
    public static final int AL_FATAL = 2;

    /**
     * {@code SSL_alert_type_string_long}: "warning", "fatal" or "unknown" for an alert's {@code ret}.
     *
     * @param ret the {@code ret} of an alert event
     * @return the level's name
     */
    public static String alertTypeStringLong(int ret) {
        switch (ret >> 8) {
            case AL_WARNING: return "warning";
            case AL_FATAL: return "fatal";
            default: return "unknown";
        }
    }
}
