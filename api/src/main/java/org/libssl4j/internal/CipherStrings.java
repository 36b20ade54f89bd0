package org.libssl4j.internal;

import static org.libssl4j.internal.CipherSuites.*;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * OpenSSL's cipher strings ({@code SSL_CTX_set_cipher_list}), resolved by the rules of the ciphers(1) manual
 * against the TLS 1.2 suites of {@link CipherSuites} an engine can do.
 *
 * <p>The suites form one list in OpenSSL's starting order, each either in the result or not. Words are separated by
 * ':', ',', ';' or spaces; a word is a suite name or an alias, or several joined by '+' (all of them must hold). A
 * plain word adds the matching suites not yet in the result at its end, in the list's order; '-' takes them out
 * and puts them at the head of the list (so a later word may add them again); '!' takes them out for good; '+'
 * moves the matching suites of the result to its end. {@code DEFAULT} at the start stands for
 * {@code ALL:!COMPLEMENTOFDEFAULT:!eNULL}; {@code @STRENGTH} sorts the result by strength bits (stably, strongest
 * first); {@code @SECLEVEL=n} sets the security level. An unknown word selects nothing; an unknown
 * {@code @} command fails the whole string. TLS 1.3 suites are not touched.
 */
public final class CipherStrings {
    private CipherStrings() {
    }

    /** What a string gave: the suites in order, or why none. */
    public record Result(List<Suite> suites, int securityLevel, boolean invalidCommand) {
        /** Whether the string selected a suite (libssl's {@code SSL_CTX_set_cipher_list} returns 1). */
        public boolean ok() {
            return !invalidCommand && !suites.isEmpty();
        }
    }

    /** An alias as masks; 0 means "any". */
    private record Mask(int kx, int au, int enc, int mac, int version, boolean high, int notDefault, Suite exact) {
        boolean matches(Suite s) {
            return (kx == 0 || (kx & s.kxBit()) != 0) && (au == 0 || (au & s.auBit()) != 0)
                    && (enc == 0 || (enc & s.encBit()) != 0) && (mac == 0 || (mac & s.macBit()) != 0)
                    && (version == 0 || version == s.minVersion()) && (!high || s.encBit() != E_NULL)
                    && (notDefault == 0 || (notDefault > 0) == s.notDefault()) && (exact == null || exact == s);
        }
    }

    private static final int E_ALL_BUT_NULL = (E_NULL << 1) - 1 & ~E_NULL;
    private static final int E_AES = E_AES128 | E_AES256 | E_AES128GCM | E_AES256GCM | E_AES128CCM | E_AES256CCM
            | E_AES128CCM8 | E_AES256CCM8;
    private static final Map<String, Mask> ALIASES = new HashMap<>();

    private static void alias(String name, int kx, int au, int enc, int mac, int version) {
        ALIASES.put(name, new Mask(kx, au, enc, mac, version, false, 0, null));
    }

    static {
        int notANull = ~A_NULL;
        alias("ALL", 0, 0, E_ALL_BUT_NULL, 0, 0);
        alias("COMPLEMENTOFALL", 0, 0, E_NULL, 0, 0);
        ALIASES.put("COMPLEMENTOFDEFAULT", new Mask(0, 0, E_ALL_BUT_NULL, 0, 0, false, 1, null));
        ALIASES.put("HIGH", new Mask(0, 0, 0, 0, 0, true, 0, null));
        // MEDIUM (SEED, 3DES) and LOW (DES) suites: OpenSSL 3.0 as built here has none, so these select nothing.
        ALIASES.put("MEDIUM", new Mask(0, 0, 0, 0, -1, false, 0, null));
        ALIASES.put("LOW", new Mask(0, 0, 0, 0, -1, false, 0, null));
        alias("kRSA", K_RSA, 0, 0, 0, 0);
        alias("RSA", K_RSA, 0, 0, 0, 0);
        alias("aRSA", 0, A_RSA, 0, 0, 0);
        alias("kDHE", K_DHE, 0, 0, 0, 0);
        alias("kEDH", K_DHE, 0, 0, 0, 0);
        alias("DH", K_DHE, 0, 0, 0, 0);
        alias("DHE", K_DHE, notANull, 0, 0, 0);
        alias("EDH", K_DHE, notANull, 0, 0, 0);
        alias("ADH", K_DHE, A_NULL, 0, 0, 0);
        alias("kECDHE", K_ECDHE, 0, 0, 0, 0);
        alias("kEECDH", K_ECDHE, 0, 0, 0, 0);
        alias("ECDH", K_ECDHE, 0, 0, 0, 0);
        alias("ECDHE", K_ECDHE, notANull, 0, 0, 0);
        alias("EECDH", K_ECDHE, notANull, 0, 0, 0);
        alias("AECDH", K_ECDHE, A_NULL, 0, 0, 0);
        alias("aECDSA", 0, A_ECDSA, 0, 0, 0);
        alias("ECDSA", 0, A_ECDSA, 0, 0, 0);
        alias("aDSS", 0, A_DSS, 0, 0, 0);
        alias("DSS", 0, A_DSS, 0, 0, 0);
        alias("aNULL", 0, A_NULL, 0, 0, 0);
        alias("eNULL", 0, 0, E_NULL, 0, 0);
        alias("NULL", 0, 0, E_NULL, 0, 0);
        alias("kPSK", K_PSK, 0, 0, 0, 0);
        alias("kRSAPSK", K_RSAPSK, 0, 0, 0, 0);
        alias("kDHEPSK", K_DHEPSK, 0, 0, 0, 0);
        alias("kECDHEPSK", K_ECDHEPSK, 0, 0, 0, 0);
        alias("PSK", K_PSK | K_RSAPSK | K_DHEPSK | K_ECDHEPSK, 0, 0, 0, 0);
        alias("aPSK", 0, A_PSK, 0, 0, 0);
        alias("kSRP", K_SRP, 0, 0, 0, 0);
        alias("SRP", K_SRP, 0, 0, 0, 0);
        alias("aSRP", 0, A_SRP, 0, 0, 0);
        alias("AES", 0, 0, E_AES, 0, 0);
        alias("AES128", 0, 0, E_AES128 | E_AES128GCM | E_AES128CCM | E_AES128CCM8, 0, 0);
        alias("AES256", 0, 0, E_AES256 | E_AES256GCM | E_AES256CCM | E_AES256CCM8, 0, 0);
        alias("AESGCM", 0, 0, E_AES128GCM | E_AES256GCM, 0, 0);
        alias("AESCCM", 0, 0, E_AES128CCM | E_AES256CCM | E_AES128CCM8 | E_AES256CCM8, 0, 0);
        alias("AESCCM8", 0, 0, E_AES128CCM8 | E_AES256CCM8, 0, 0);
        alias("CAMELLIA", 0, 0, E_CAMELLIA128 | E_CAMELLIA256, 0, 0);
        alias("CAMELLIA128", 0, 0, E_CAMELLIA128, 0, 0);
        alias("CAMELLIA256", 0, 0, E_CAMELLIA256, 0, 0);
        alias("ARIA", 0, 0, E_ARIA128GCM | E_ARIA256GCM, 0, 0);
        alias("ARIAGCM", 0, 0, E_ARIA128GCM | E_ARIA256GCM, 0, 0);
        alias("ARIA128", 0, 0, E_ARIA128GCM, 0, 0);
        alias("ARIA256", 0, 0, E_ARIA256GCM, 0, 0);
        alias("CHACHA20", 0, 0, E_CHACHA20POLY1305, 0, 0);
        // FIPS: OpenSSL 3.0 flags its FIPS suites one by one; the flags amount to AES-CBC and AES-GCM without SRP
        // (no CCM, ChaCha20, Camellia or ARIA), as `openssl ciphers -v FIPS` prints (OpenSslCipherStringTest).
        alias("FIPS", ((K_ANY << 1) - 1) & ~K_SRP, 0, E_AES128 | E_AES256 | E_AES128GCM | E_AES256GCM, 0, 0);
        alias("MD5", 0, 0, 0, M_MD5, 0);
        alias("SHA1", 0, 0, 0, M_SHA1, 0);
        alias("SHA", 0, 0, 0, M_SHA1, 0);
        alias("SHA256", 0, 0, 0, M_SHA256, 0);
        alias("SHA384", 0, 0, 0, M_SHA384, 0);
        alias("TLSv1.2", 0, 0, 0, 0, TLS1_2);
        alias("TLSv1.0", 0, 0, 0, 0, TLS1);
        alias("TLSv1", 0, 0, 0, 0, TLS1);
        alias("SSLv3", 0, 0, 0, 0, SSL3);
    }

    /**
     * Resolves a cipher string against the TLS 1.2 suites in {@code available} (the ones an engine can do; null
     * for all OpenSSL knows).
     */
    public static Result resolve(String str, Collection<Suite> available) {
        LinkedList<Entry> list = new LinkedList<>();
        for (Suite s : CipherSuites.all()) {
            if (!s.tls13() && (available == null || available.contains(s))) {
                list.add(new Entry(s));
            }
        }
        int[] level = {-1};
        String rest = str;
        if (rest.startsWith("DEFAULT")) {
            apply(list, "ALL:!COMPLEMENTOFDEFAULT:!eNULL", level);
            rest = rest.substring(7);
        }
        boolean ok = apply(list, rest, level);
        List<Suite> out = new ArrayList<>();
        for (Entry e : list) {
            if (e.active) {
                out.add(e.suite);
            }
        }
        return new Result(ok ? out : List.of(), level[0], !ok);
    }

    private static final class Entry {
        final Suite suite;
        boolean active;

        Entry(Suite suite) {
            this.suite = suite;
        }
    }

    /** Applies the words; false on an unknown {@code @} command. */
    private static boolean apply(LinkedList<Entry> list, String str, int[] level) {
        for (String word : str.split("[:, ;]")) {
            if (word.isEmpty()) {
                continue;
            }
            char op = word.charAt(0);
            if (op == '!' || op == '-' || op == '+') {
                word = word.substring(1);
            } else {
                op = 0;
            }
            if (word.startsWith("@")) {
                if (word.equals("@STRENGTH")) {
                    strengthSort(list);
                } else if (word.matches("@SECLEVEL=[0-9]+")) {
                    level[0] = Integer.parseInt(word.substring(10));
                } else {
                    return false;
                }
                continue;
            }
            Predicate<Suite> match = parse(word);
            if (match == null) {
                continue; // an unknown name selects nothing, as in OpenSSL
            }
            switch (op) {
                case '!' -> list.removeIf(e -> match.test(e.suite));
                case '-' -> {
                    List<Entry> moved = take(list, e -> e.active && match.test(e.suite));
                    moved.forEach(e -> e.active = false);
                    list.addAll(0, moved);
                }
                case '+' -> list.addAll(take(list, e -> e.active && match.test(e.suite)));
                default -> {
                    List<Entry> added = take(list, e -> !e.active && match.test(e.suite));
                    added.forEach(e -> e.active = true);
                    list.addAll(added);
                }
            }
        }
        return true;
    }

    /** Removes and returns (in list order) the entries that match. */
    private static List<Entry> take(LinkedList<Entry> list, Predicate<Entry> p) {
        List<Entry> taken = new ArrayList<>();
        list.removeIf(e -> p.test(e) && taken.add(e));
        return taken;
    }

    /** {@code @STRENGTH}: the active suites, strongest first (stable), after the inactive ones. */
    private static void strengthSort(LinkedList<Entry> list) {
        List<Entry> active = take(list, e -> e.active);
        active.sort((a, b) -> Integer.compare(b.suite.bits(), a.suite.bits()));
        list.addAll(active);
    }

    /** A word without its prefix: names and aliases joined by '+'; null if it can match nothing. */
    private static Predicate<Suite> parse(String word) {
        int kx = 0, au = 0, enc = 0, mac = 0, version = 0, notDefault = 0;
        boolean high = false;
        Suite exact = null;
        for (String part : word.split("\\+", -1)) {
            Mask m = ALIASES.get(part);
            if (m == null) {
                Suite s = CipherSuites.byName(part);
                if (s == null || s.tls13()) {
                    return null;
                }
                m = new Mask(s.kxBit(), s.auBit(), s.encBit(), s.macBit(), 0, false, 0, s);
            }
            if (m.version() < 0) {
                return null;
            }
            kx = and(kx, m.kx());
            au = and(au, m.au());
            enc = and(enc, m.enc());
            mac = and(mac, m.mac());
            if (kx == -1 || au == -1 || enc == -1 || mac == -1) {
                return null;
            }
            if (m.version() != 0) {
                if (version != 0 && version != m.version()) {
                    return null;
                }
                version = m.version();
            }
            high |= m.high();
            notDefault = m.notDefault() != 0 ? m.notDefault() : notDefault;
            if (m.exact() != null) {
                if (exact != null && exact != m.exact()) {
                    return null;
                }
                exact = m.exact();
            }
        }
        return new Mask(kx, au, enc, mac, version, high, notDefault, exact)::matches;
    }

    /** ANDs two masks where 0 means unset; -1 when they have nothing in common. */
    private static int and(int a, int b) {
        if (a == 0) {
            return b;
        }
        if (b == 0) {
            return a;
        }
        return (a & b) == 0 ? -1 : a & b;
    }
}
