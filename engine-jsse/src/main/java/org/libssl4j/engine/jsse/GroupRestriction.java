package org.libssl4j.engine.jsse;

import java.lang.reflect.Method;
import java.security.AlgorithmConstraints;
import java.security.AlgorithmParameters;
import java.security.CryptoPrimitive;
import java.security.Key;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLParameters;

/**
 * Restricts a JSSE engine's key-exchange groups and signature schemes ({@code SSL_CTX_set1_groups_list},
 * {@code SSL_CTX_set1_sigalgs_list}) per engine, the way the running JVM allows:
 * <ul>
 *   <li>{@code SSLParameters.setNamedGroups} (Java 20) and {@code setSignatureSchemes} (Java 19), found by
 *       reflection, which set the list and its order;</li>
 *   <li>where they are missing (Java 17), {@code SSLParameters.setAlgorithmConstraints} with constraints that
 *       forbid every other group for key agreement and every other scheme for signatures: SunJSSE asks the
 *       engine's constraints about each group ({@code NamedGroup.isPermitted}) and scheme
 *       ({@code SignatureScheme.isPermitted}), so the set is honoured, in the JVM's order.</li>
 * </ul>
 * Whether the provider honours it is not assumed: {@link JsseEngineFactory} looks at a ClientHello made with a
 * restriction and declares {@code GROUPS_LIST}/{@code SIGALGS_LIST} only when it carries exactly the list and the
 * binding keeps what follows as libssl's ({@link JsseBinding#restrictionCapabilities}).
 */
final class GroupRestriction {
    private static final Method SET_NAMED_GROUPS = method("setNamedGroups");
    private static final Method SET_SIGNATURE_SCHEMES = method("setSignatureSchemes");

    /** Every group name a provider may ask its constraints about (JSSE's names). */
    private static final Set<String> GROUP_NAMES = Set.of("x25519", "x448", "secp256r1", "secp384r1", "secp521r1",
            "secp224r1", "secp256k1", "brainpoolP256r1", "brainpoolP384r1", "brainpoolP512r1", "brainpoolP256r1tls13",
            "brainpoolP384r1tls13", "brainpoolP512r1tls13", "ffdhe2048", "ffdhe3072", "ffdhe4096", "ffdhe6144",
            "ffdhe8192", "X25519MLKEM768", "SecP256r1MLKEM768", "SecP384r1MLKEM1024", "sect163k1", "sect163r2",
            "sect233k1", "sect233r1", "sect283k1", "sect283r1", "sect409k1", "sect409r1", "sect571k1", "sect571r1",
            "secp160k1", "secp160r1", "secp160r2", "secp192k1", "secp192r1", "secp224k1");
    /** Every signature scheme name a provider may ask its constraints about. */
    private static final Set<String> SCHEME_NAMES = Set.of("ecdsa_secp256r1_sha256", "ecdsa_secp384r1_sha384",
            "ecdsa_secp521r1_sha512", "ed25519", "ed448", "rsa_pss_rsae_sha256", "rsa_pss_rsae_sha384",
            "rsa_pss_rsae_sha512", "rsa_pss_pss_sha256", "rsa_pss_pss_sha384", "rsa_pss_pss_sha512",
            "rsa_pkcs1_sha256", "rsa_pkcs1_sha384", "rsa_pkcs1_sha512", "rsa_pkcs1_sha1", "ecdsa_sha1", "ecdsa_sha224",
            "rsa_sha224", "dsa_sha256", "dsa_sha224", "dsa_sha1", "rsa_md5", "rsa_pkcs1_md5",
            "ecdsa_brainpoolP256r1tls13_sha256", "ecdsa_brainpoolP384r1tls13_sha384",
            "ecdsa_brainpoolP512r1tls13_sha512", "rsa_sha256", "rsa_sha384", "rsa_sha512");

    private GroupRestriction() {
    }

    private static Method method(String name) {
        try {
            return SSLParameters.class.getMethod(name, String[].class);
        } catch (NoSuchMethodException | RuntimeException e) {
            return null;
        }
    }

    /** Applies the restriction to {@code p}; empty lists leave the provider's defaults. */
    static void apply(SSLParameters p, List<String> groups, List<String> schemes) {
        boolean constrain = false;
        if (!groups.isEmpty()) {
            constrain |= !invoke(SET_NAMED_GROUPS, p, groups);
        }
        if (!schemes.isEmpty()) {
            constrain |= !invoke(SET_SIGNATURE_SCHEMES, p, schemes);
        }
        if (constrain) {
            p.setAlgorithmConstraints(new Only(p.getAlgorithmConstraints(), SET_NAMED_GROUPS == null ? groups : List.of(),
                    SET_SIGNATURE_SCHEMES == null ? schemes : List.of()));
        }
    }

    private static boolean invoke(Method m, SSLParameters p, List<String> names) {
        if (m == null) {
            return false;
        }
        try {
            m.invoke(p, (Object) names.toArray(new String[0]));
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Forbids the groups and schemes not listed, by their names; asks {@code base} (or allows) everything else. A
     * group asked about by a signature scheme's check (SunJSSE checks ecdsa_secp256r1_sha256's curve as a group for
     * key agreement) is not forbidden: restricting the key exchange must not forbid a certificate's signature.
     */
    private static final class Only implements AlgorithmConstraints {
        private final AlgorithmConstraints base;
        private final List<String> groups;
        private final List<String> schemes;

        Only(AlgorithmConstraints base, List<String> groups, List<String> schemes) {
            this.base = base;
            this.groups = List.copyOf(groups);
            this.schemes = List.copyOf(schemes);
        }

        private boolean forbidden(Set<CryptoPrimitive> primitives, String algorithm) {
            if (algorithm == null) {
                return false;
            }
            if (!groups.isEmpty() && primitives.contains(CryptoPrimitive.KEY_AGREEMENT)
                    && GROUP_NAMES.contains(algorithm) && !groups.contains(algorithm) && !fromSignatureScheme()) {
                return true;
            }
            return !schemes.isEmpty() && primitives.contains(CryptoPrimitive.SIGNATURE)
                    && SCHEME_NAMES.contains(algorithm) && !schemes.contains(algorithm);
        }

        private static boolean fromSignatureScheme() {
            return StackWalker.getInstance().walk(frames -> frames.limit(12)
                    .anyMatch(f -> f.getClassName().endsWith(".SignatureScheme")));
        }

        @Override
        public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, AlgorithmParameters parameters) {
            if (forbidden(primitives, algorithm)) {
                return false;
            }
            return base == null || base.permits(primitives, algorithm, parameters);
        }

        @Override
        public boolean permits(Set<CryptoPrimitive> primitives, Key key) {
            return base == null || base.permits(primitives, key);
        }

        @Override
        public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, Key key, AlgorithmParameters parameters) {
            if (forbidden(primitives, algorithm)) {
                return false;
            }
            return base == null || base.permits(primitives, algorithm, key, parameters);
        }
    }
}
