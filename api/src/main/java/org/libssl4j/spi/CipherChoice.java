package org.libssl4j.spi;

import java.util.List;

/**
 * The suites one connection chose apart from its context ({@code SSL_set_cipher_list}, {@code SSL_set_ciphersuites}),
 * as IANA names in preference order; a null list means the context's.
 *
 * @param tls12 the TLS 1.2 suites, or null for the context's
 * @param tls13 the TLS 1.3 suites, or null for the context's (empty only when the connection allows no TLS 1.3)
 */
public record CipherChoice(List<String> tls12, List<String> tls13) {
    /** Copies the lists. */
    public CipherChoice {
        tls12 = tls12 == null ? null : List.copyOf(tls12);
        tls13 = tls13 == null ? null : List.copyOf(tls13);
    }
}
