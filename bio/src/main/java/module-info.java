/**
 * libssl4j's BIO implementations: {@code BIO_s_mem} ({@link org.libssl4j.bio.MemBio}), {@code BIO_new_bio_pair}
 * ({@link org.libssl4j.bio.BioPair}) and {@code BIO_s_null} ({@link org.libssl4j.bio.NullBio}). They implement
 * {@link org.libssl4j.Bio} from the API module, which callers see through this module's transitive requirement.
 */
module org.libssl4j.bio {
    requires transitive org.libssl4j.api;
    exports org.libssl4j.bio;
}
