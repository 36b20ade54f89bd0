package org.libssl4j;

import java.util.Objects;

/**
 * One entry of the thread's error queue, as OpenSSL's packed error code plus its data: the library that raised
 * it, the reason code and string, a detail text ({@code ERR_add_error_data}) and the Java exception behind it,
 * if any.
 */
public final class SslErrorEntry {
    /** {@code ERR_LIB_SYS}: a system (transport) failure. {@link Ssl#getError(int)} reports it as {@link SslError#SYSCALL}. */
    public static final int LIB_SYS = 2;
    /** {@code ERR_LIB_PEM}: reading PEM (an encrypted key's password: "bad password read", 104). */
    public static final int LIB_PEM = 9;
    /** {@code ERR_LIB_X509}. */
    public static final int LIB_X509 = 11;
    /** {@code ERR_LIB_SSL}: libssl's own reasons, {@link SslReason}. */
    public static final int LIB_SSL = 20;
    /** {@code ERR_LIB_BIO}. */
    public static final int LIB_BIO = 32;
    /** {@code ERR_LIB_PROV}: the crypto provider. */
    public static final int LIB_PROV = 57;

    private final int library;
    private final int reason;
    private final String reasonString;
    private final String detail;
    private final Throwable cause;

    /**
     * Makes an entry.
     *
     * @param library an {@code ERR_LIB_*} value such as {@link #LIB_SSL}
     * @param reason the reason code in that library
     * @param reasonString the reason's text; for {@link #LIB_SSL}, null means {@link SslReason#text(int)}
     * @param detail extra text, or null
     * @param cause the exception behind the entry, or null
     */
    public SslErrorEntry(int library, int reason, String reasonString, String detail, Throwable cause) {
        this.library = library;
        this.reason = reason;
        this.reasonString = reasonString != null ? reasonString
                : library == LIB_SSL ? SslReason.text(reason) : "reason(" + reason + ")";
        this.detail = detail;
        this.cause = cause;
    }

    /** The {@code ERR_LIB_*} value ({@code ERR_GET_LIB}). */
    public int library() {
        return library;
    }

    /** The reason code ({@code ERR_GET_REASON}), e.g. {@link SslReason#BAD_WRITE_RETRY}. */
    public int reason() {
        return reason;
    }

    /** The reason's text, e.g. "bad write retry" ({@code ERR_reason_error_string}). */
    public String reasonString() {
        return reasonString;
    }

    /** Extra text such as "SSL alert number 48", or null. */
    public String detail() {
        return detail;
    }

    /** The engine or I/O exception behind this entry, or null. */
    public Throwable cause() {
        return cause;
    }

    /** The packed code as OpenSSL 3.0 makes it: {@code (library << 23) | reason}. */
    public long code() {
        return ((long) library << 23) | reason;
    }

    /** The library's name as OpenSSL prints it ("SSL routines"). */
    public String libraryName() {
        switch (library) {
            case LIB_SYS: return "system library";
            case LIB_PEM: return "PEM routines";
            case LIB_X509: return "X509 certificate routines";
            case LIB_SSL: return "SSL routines";
            case LIB_BIO: return "BIO routines";
            case LIB_PROV: return "Provider routines";
            default: return "lib(" + library + ")";
        }
    }

    /** As {@code ERR_error_string}: {@code error:0A00007F:SSL routines::bad write retry}, then the detail if any. */
    @Override
    public String toString() {
        String s = String.format("error:%08X:%s::%s", code(), libraryName(), reasonString);
        return detail == null ? s : s + ":" + detail;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SslErrorEntry)) {
            return false;
        }
        SslErrorEntry e = (SslErrorEntry) o;
        return library == e.library && reason == e.reason && reasonString.equals(e.reasonString)
                && Objects.equals(detail, e.detail) && Objects.equals(cause, e.cause);
    }

    @Override
    public int hashCode() {
        return Objects.hash(library, reason, detail);
    }
}
