/**
 * SunJSSE's failures in OpenSSL's terms ({@link org.libssl4j.engine.jdk.failures.JdkFailures}), as the engine
 * {@code jdk} reports them: API for an engine of one's own over SunJSSE. The engine itself is found by
 * {@code ServiceLoader} and is not in this package.
 */
package org.libssl4j.engine.jdk.failures;
