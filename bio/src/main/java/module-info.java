/**
 * libssl4j's BIO implementations: {@code BIO_s_mem} ({@link org.libssl4j.bio.MemBio}), {@code BIO_new_bio_pair}
 * ({@link org.libssl4j.bio.BioPair}), {@code BIO_s_null} ({@link org.libssl4j.bio.NullBio}), and the filters
 * {@code BIO_f_buffer} ({@link org.libssl4j.bio.BufferBio}) and {@code BIO_f_ssl} ({@link org.libssl4j.bio.SslBio}).
 * They implement {@link org.libssl4j.Bio} from the API module, which callers see through this module's transitive
 * requirement. The socket BIO ({@code BIO_s_socket}, {@link org.libssl4j.SocketBio}) is in the API module, beside
 * {@code Ssl.setChannel} ({@code SSL_set_fd}), which needs it.
 */
module org.libssl4j.bio {
    requires transitive org.libssl4j.api;
    exports org.libssl4j.bio;
}
