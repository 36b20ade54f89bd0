package org.libssl4j.spi;

/**
 * A TLS failure an engine reports to the state machine, already mapped to OpenSSL's terms: the reason code
 * ({@code org.libssl4j.SslReason}) that libssl would put on the error queue, and, for a received alert, the
 * alert's number. The state machine turns it into a return value, {@code getError} and a queue entry; it never
 * reaches the caller.
 */
public final class EngineException extends Exception {
    private static final long serialVersionUID = 1L;

    /** No alert was received. */
    public static final int NO_ALERT = -1;

    private final int library;
    private final int reason;
    private final String detail;
    private final int receivedAlert;

    private EngineException(int library, int reason, String detail, int receivedAlert, Throwable cause) {
        super(detail, cause, false, false);
        this.library = library;
        this.reason = reason;
        this.detail = detail;
        this.receivedAlert = receivedAlert;
    }

    /** A local failure with an SSL reason code and an optional detail. */
    public static EngineException of(int reason, String detail, Throwable cause) {
        return new EngineException(org.libssl4j.SslErrorEntry.LIB_SSL, reason, detail, NO_ALERT, cause);
    }

    /** A local failure in another library (e.g. {@code LIB_X509}). */
    public static EngineException of(int library, int reason, String detail, Throwable cause) {
        return new EngineException(library, reason, detail, NO_ALERT, cause);
    }

    /** A fatal alert received from the peer ({@code alert} is its number, e.g. 48 for unknown_ca). */
    public static EngineException alertReceived(int alert, Throwable cause) {
        return new EngineException(org.libssl4j.SslErrorEntry.LIB_SSL, 1000 + alert, "SSL alert number " + alert, alert, cause);
    }

    /** The {@code ERR_LIB_*} of the reason. */
    public int library() {
        return library;
    }

    /** The OpenSSL reason code. */
    public int reason() {
        return reason;
    }

    /** Extra text for the error queue, or null. */
    public String detail() {
        return detail;
    }

    /** The number of the fatal alert received, or {@link #NO_ALERT}. */
    public int receivedAlert() {
        return receivedAlert;
    }

    /** Whether this failure is a fatal alert from the peer. */
    public boolean isAlertReceived() {
        return receivedAlert != NO_ALERT;
    }
}
