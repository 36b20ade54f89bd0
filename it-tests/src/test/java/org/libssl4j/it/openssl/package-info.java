/**
 * Interop with the real OpenSSL: every engine against {@code openssl s_server} and {@code openssl s_client}
 * (OpenSSL 3.0 or later) over loopback sockets, as client and as server.
 *
 * <p>The tests <b>fail</b> when there is no {@code openssl} binary (CI installs it), unless
 * {@code -Dlibssl4j.skipOpenssl=true}; {@code -Dlibssl4j.openssl=PATH} names another binary. Each test starts its
 * openssl process with {@link org.libssl4j.it.openssl.OpenSslProcess}, whose {@code close()} always destroys it,
 * pass or fail; our sockets have a 200 ms {@code SO_TIMEOUT}, so a blocking read answers WANT_READ and every loop
 * checks a deadline.
 *
 * <p>What the openssl command-line tool does (OpenSSL 3.0.19), found out for these tests:
 * <ul>
 * <li>{@code s_server -accept 127.0.0.1:0} binds a port the kernel chooses and prints {@code ACCEPT 127.0.0.1:PORT}
 *     on stdout, but <em>not</em> with {@code -quiet} or {@code -brief}: so the tests run s_server in its normal
 *     (chatty) mode and use {@code -naccept 1} so that it exits after the one connection.</li>
 * <li>In that mode s_server treats a stdin read that begins with {@code Q}, {@code q}, {@code r}, {@code R},
 *     {@code k}, {@code K}, {@code c}, {@code P}, {@code S} (or {@code B}) as a command, whatever follows, and
 *     closes the connection at stdin EOF. {@code Q} and {@code q} close the <em>socket</em> first: no close_notify
 *     (an abrupt close). {@code r}/{@code R} renegotiate (R also asks for a client certificate), {@code k}/{@code K}
 *     send a KeyUpdate (K: update_requested); each then prints {@code SSL_do_handshake -> 1} with {@code printf},
 *     and drops the rest of that stdin read. Bulk data sent through s_server's stdin therefore has none of
 *     those bytes, and each command is sent alone, the next line only after its {@code SSL_do_handshake} line.</li>
 * <li>s_server's stdout mixes its report (session, {@code CIPHER is ...}, {@code -msg} lines) with the raw bytes it
 *     receives; the tests send a unique marker first and take the bytes after it.</li>
 * <li>Output printed with {@code printf} stays in the stdout buffer of a pipe until s_server next flushes; the
 *     harness runs openssl under {@code stdbuf -oL} (when on the PATH) so that every line can be waited for.</li>
 * <li>s_server answers our close_notify with its own ({@code DONE} on stdout); it sends close_notify in no other
 *     case. A peer's EOF without close_notify is "unexpected eof while reading" on its stderr, and it sends a fatal
 *     decode_error alert (R08.2). Closing a socket that still holds unread data (TLS 1.3 tickets, say) sends a TCP
 *     reset instead of a FIN, which s_server reports as a plain ERROR, so the tests read what s_server sent before
 *     they close.</li>
 * <li>{@code s_client -quiet} implies {@code -ign_eof}: stdin is sent as is (no commands), its EOF is ignored, and
 *     stdout carries exactly the bytes received; it answers our close_notify with its own and exits with 0.
 *     {@code -msg -msgfile F} records every record and alert it saw.</li>
 * <li>Without {@code -quiet}, s_client takes stdin lines beginning with {@code Q} (quit, with close_notify),
 *     {@code R} (renegotiate: prints {@code RENEGOTIATING} on stderr; the ClientHello goes out with its next read
 *     or write) and {@code k}/{@code K} (prints {@code KEYUPDATE} on stderr; the KeyUpdate goes out with its next
 *     data) as commands; {@code -quiet} ({@code -ign_eof}) turns them off.</li>
 * <li>{@code s_server -servername NAME} needs {@code -cert2}/{@code -key2} (default {@code server2.pem}) and prints
 *     {@code Hostname in TLS extension: "NAME"} and {@code Switching server context.}; after the switch s_server
 *     negotiates no ALPN (its callback is only on the first context), so SNI and ALPN need separate servers.
 *     {@code -alpn} prints {@code ALPN protocols advertised by the client: h2, http/1.1} and
 *     {@code ALPN protocols selected: http/1.1}; s_client prints {@code ALPN protocol: http/1.1}.</li>
 * <li>{@code s_server -Verify 1 -CAfile ca.pem -verify_return_error} requires a client certificate; without one it
 *     fails with "peer did not return a certificate" and sends certificate_required (TLS 1.3) or
 *     handshake_failure (TLS 1.2).</li>
 * </ul>
 */
package org.libssl4j.it.openssl;
