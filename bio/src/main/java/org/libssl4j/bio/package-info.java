/**
 * BIO implementations that mirror OpenSSL's: the source/sink BIOs {@link org.libssl4j.bio.MemBio}
 * ({@code BIO_s_mem}, {@code BIO_new_mem_buf}), {@link org.libssl4j.bio.BioPair} ({@code BIO_new_bio_pair}),
 * and {@link org.libssl4j.bio.NullBio} ({@code BIO_s_null}), and the filter BIOs {@link org.libssl4j.bio.BufferBio} ({@code BIO_f_buffer}) and
 * {@link org.libssl4j.bio.SslBio} ({@code BIO_f_ssl}), which are chained with
 * {@link org.libssl4j.Bio#push(org.libssl4j.Bio)}. The socket BIO, {@link org.libssl4j.SocketBio}
 * ({@code BIO_new_socket}), is in the API module, since {@code Ssl.setChannel} ({@code SSL_set_fd}) needs it.
 *
 * <p>Return values and retry flags follow OpenSSL's {@code crypto/bio/bss_mem.c}, {@code bss_bio.c},
 * {@code bss_sock.c}, {@code bss_null.c}, {@code bf_buff.c} and {@code ssl/bio_ssl.c}, because code ported from C
 * (and libssl4j's state machine) depends on them. Where Java's array contract is broken (a null buffer,
 * {@code off}/{@code len} outside the array) these classes throw at once instead, as the project's deliberate
 * difference D1 says.
 */
package org.libssl4j.bio;
