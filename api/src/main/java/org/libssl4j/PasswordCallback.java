package org.libssl4j;

/**
 * {@code pem_password_cb}: gives the password of an encrypted private key when a context loads one
 * ({@link SslCtx#setDefaultPasswdCb}). The data C passes as {@code userdata} is what the lambda captures.
 */
@FunctionalInterface
public interface PasswordCallback {
    /**
     * The password.
     *
     * @param forWriting OpenSSL's {@code rwflag}: true when a key is being encrypted, false when it is read (always
     *     false here: libssl4j only reads keys)
     * @return the password, or null when there is none (the load then fails with "bad password read"); the array
     *     is cleared after use
     */
    char[] password(boolean forWriting);
}
