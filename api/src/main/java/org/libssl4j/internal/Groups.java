package org.libssl4j.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OpenSSL 3.0's names of key-exchange groups and signature algorithms, as {@code SSL_CTX_set1_groups_list} and
 * {@code SSL_CTX_set1_sigalgs_list} take them, with their TLS code points and the names JSSE providers use (the
 * IANA names: {@code x25519}, {@code secp256r1}, {@code ecdsa_secp256r1_sha256}). docs/SEMANTICS.md GROUP-1..GROUP-6.
 */
public final class Groups {
    private Groups() {
    }

    /** One group: its TLS code point, the name JSSE and {@code SSL_group_to_name} use, and OpenSSL's other names. */
    private record Group(int code, String tlsName, String... aliases) {
    }

    private static final List<Group> GROUPS = List.of(
            new Group(29, "x25519", "X25519"),
            new Group(30, "x448", "X448"),
            new Group(23, "secp256r1", "prime256v1", "P-256"),
            new Group(24, "secp384r1", "P-384"),
            new Group(25, "secp521r1", "P-521"),
            new Group(21, "secp224r1", "P-224"),
            new Group(22, "secp256k1"),
            new Group(26, "brainpoolP256r1"),
            new Group(27, "brainpoolP384r1"),
            new Group(28, "brainpoolP512r1"),
            new Group(256, "ffdhe2048"),
            new Group(257, "ffdhe3072"),
            new Group(258, "ffdhe4096"),
            new Group(259, "ffdhe6144"),
            new Group(260, "ffdhe8192"));

    /** OpenSSL's names of signature algorithms ({@code SSL_CTX_set1_sigalgs_list}) to their code points. */
    private static final Map<String, Integer> SIGALGS = new LinkedHashMap<>();
    /** The TLS name of each signature algorithm code point, as JSSE providers name them. */
    private static final Map<Integer, String> SIGALG_NAMES = new LinkedHashMap<>();

    static {
        sigalg("ecdsa_secp256r1_sha256", 0x0403, "ECDSA+SHA256");
        sigalg("ecdsa_secp384r1_sha384", 0x0503, "ECDSA+SHA384");
        sigalg("ecdsa_secp521r1_sha512", 0x0603, "ECDSA+SHA512");
        sigalg("ed25519", 0x0807);
        sigalg("ed448", 0x0808);
        sigalg("rsa_pss_rsae_sha256", 0x0804, "RSA-PSS+SHA256", "PSS+SHA256");
        sigalg("rsa_pss_rsae_sha384", 0x0805, "RSA-PSS+SHA384", "PSS+SHA384");
        sigalg("rsa_pss_rsae_sha512", 0x0806, "RSA-PSS+SHA512", "PSS+SHA512");
        sigalg("rsa_pss_pss_sha256", 0x0809);
        sigalg("rsa_pss_pss_sha384", 0x080a);
        sigalg("rsa_pss_pss_sha512", 0x080b);
        sigalg("rsa_pkcs1_sha256", 0x0401, "RSA+SHA256");
        sigalg("rsa_pkcs1_sha384", 0x0501, "RSA+SHA384");
        sigalg("rsa_pkcs1_sha512", 0x0601, "RSA+SHA512");
        sigalg("rsa_pkcs1_sha1", 0x0201, "RSA+SHA1");
        SIGALGS.put("ECDSA+SHA1", 0x0203); // OpenSSL takes no TLS 1.3-style name for it
        SIGALG_NAMES.put(0x0203, "ecdsa_sha1");
    }

    private static void sigalg(String name, int code, String... aliases) {
        SIGALGS.put(name, code);
        for (String a : aliases) {
            SIGALGS.put(a, code);
        }
        SIGALG_NAMES.put(code, name);
    }

    /**
     * What a list parsed to: the names (JSSE's) in order, or why it failed: {@code badName} is the element libssl
     * reports ("group 'x' cannot be set"), null for a failure libssl reports with an empty queue (a duplicate, an
     * empty element).
     */
    public record Parsed(List<String> names, String badName) {
        /** Whether the list was accepted. */
        public boolean ok() {
            return names != null;
        }
    }

    /**
     * Parses a groups list as {@code SSL_CTX_set1_groups_list} does: names separated by ':', case-sensitive, each
     * one of OpenSSL's names; an unknown name fails, as does a duplicate or an empty list or element.
     */
    public static Parsed parseGroups(String list) {
        List<String> names = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        if (list.isEmpty()) {
            return new Parsed(null, null);
        }
        for (String element : list.split(":", -1)) {
            if (element.isEmpty()) {
                return new Parsed(null, null);
            }
            Group g = group(element);
            if (g == null) {
                return new Parsed(null, element);
            }
            if (!seen.add(g.code())) {
                return new Parsed(null, null);
            }
            names.add(g.tlsName());
        }
        return new Parsed(List.copyOf(names), null);
    }

    /**
     * Parses a signature algorithms list as {@code SSL_CTX_set1_sigalgs_list} does: TLS 1.3 names
     * ({@code ecdsa_secp256r1_sha256}) or {@code ALG+HASH} ({@code ECDSA+SHA256}) separated by ':'; an unknown name,
     * a duplicate, an empty list or element fails, with nothing on the error queue (libssl raises nothing).
     */
    public static Parsed parseSigalgs(String list) {
        List<String> names = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        if (list.isEmpty()) {
            return new Parsed(null, null);
        }
        for (String element : list.split(":", -1)) {
            Integer code = SIGALGS.get(element);
            if (code == null || !seen.add(code)) {
                return new Parsed(null, null);
            }
            names.add(SIGALG_NAMES.get(code));
        }
        return new Parsed(List.copyOf(names), null);
    }

    private static Group group(String name) {
        for (Group g : GROUPS) {
            if (g.tlsName().equals(name) || List.of(g.aliases()).contains(name)) {
                return g;
            }
        }
        return null;
    }

    /**
     * {@code SSL_group_to_name}: OpenSSL's name of a group's TLS code point ({@code x25519}, {@code secp256r1},
     * {@code ffdhe2048}), or null for 0 or a group OpenSSL does not name.
     */
    public static String name(int code) {
        for (Group g : GROUPS) {
            if (g.code() == code) {
                return g.tlsName();
            }
        }
        return null;
    }

    /** The TLS code point of a group's name (JSSE's or OpenSSL's), or 0. */
    public static int code(String name) {
        Group g = group(name);
        return g == null ? 0 : g.code();
    }

    /** The TLS code point of a signature algorithm's TLS name, or 0. */
    public static int sigalgCode(String name) {
        Integer c = SIGALGS.get(name);
        return c == null ? 0 : c;
    }
}
