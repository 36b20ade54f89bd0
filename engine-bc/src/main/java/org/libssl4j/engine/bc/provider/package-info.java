/**
 * The engine {@code bc}'s configuration of BouncyCastle, as API: {@link org.libssl4j.engine.bc.provider.BcProviders}
 * makes the BCJSSE provider and the bctls cryptography that the engine runs on, for code that runs them beside
 * libssl4j. The engine itself is found by {@code ServiceLoader} and is not in this package.
 */
package org.libssl4j.engine.bc.provider;
