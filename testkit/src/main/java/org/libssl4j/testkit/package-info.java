/**
 * libssl4j's test kit, shared by the conformance suite, the demo, the benchmarks and third-party engines. It needs
 * no JUnit; the JUnit 5 part (parameterization over the engines found, capability-named skips) is the separate
 * module {@code libssl4j-testkit-junit}, package {@code org.libssl4j.testkit.junit}.
 *
 * <ul>
 *   <li>{@link org.libssl4j.testkit.TestCerts}: a CA and server, client, expired, wrong-host and untrusted
 *       certificates, made at run time, once per JVM ({@link org.libssl4j.testkit.TestIdentity}).</li>
 *   <li>{@link org.libssl4j.testkit.TestContexts}: {@code SslCtx} objects in one line.</li>
 *   <li>{@link org.libssl4j.testkit.TestPair}: a client and a server connected by a BIO pair, with a handshake
 *       driver; {@link org.libssl4j.testkit.BioPump} moves data between them by libssl's retry rules.</li>
 *   <li>{@link org.libssl4j.testkit.ChunkingBio} and {@link org.libssl4j.testkit.FaultBio}: a transport that moves
 *       bytes in random pieces, and one that damages a chosen TLS record.</li>
 *   <li>Real sockets ({@code Ssl.setChannel}): {@link org.libssl4j.testkit.Loopback}, a client and a server over
 *       blocking loopback sockets, each side on its own thread with a deadline, optionally through a relay that
 *       counts TLS records; {@link org.libssl4j.testkit.LoopbackSockets}, just the two connected channels;
 *       {@link org.libssl4j.testkit.SocketConnection}, one connection of ours to or from a peer in another
 *       process, every call bounded.</li>
 * </ul>
 */
package org.libssl4j.testkit;
