package org.libssl4j;

import java.util.HashMap;
import java.util.Map;

/**
 * OpenSSL's SSL reason codes ({@code SSL_R_*}) with their reason strings, as OpenSSL 3.0 prints them
 * ({@code ERR_reason_error_string}). Codes from 1000 up are received alerts: {@code 1000 + alert number}.
 */
public final class SslReason {
    private SslReason() {
    }

    private static final Map<Integer, String> TEXT = new HashMap<>();

    private static int r(int code, String text) {
        TEXT.put(code, text);
        return code;
    }

    /** The reason string of an SSL reason code ("bad write retry"), or {@code "reason(N)"} for an unknown code. */
    public static String text(int code) {
        String t = TEXT.get(code);
        return t != null ? t : "reason(" + code + ")";
    }

    /** The reason code of a received alert: {@code 1000 + alert}, as OpenSSL's {@code SSL_AD_REASON_OFFSET}. */
    public static int ofReceivedAlert(int alert) {
        return 1000 + alert;
    }

    /** {@code SSL_R_APP_DATA_IN_HANDSHAKE}: "app data in handshake". */
    public static final int APP_DATA_IN_HANDSHAKE = r(100, "app data in handshake");
    /** {@code SSL_R_NO_SUITABLE_KEY_SHARE}: "no suitable key share". */
    public static final int NO_SUITABLE_KEY_SHARE = r(101, "no suitable key share");
    /** {@code SSL_R_BAD_DH_VALUE}: "bad dh value". */
    public static final int BAD_DH_VALUE = r(102, "bad dh value");
    /** {@code SSL_R_BAD_CHANGE_CIPHER_SPEC}: "bad change cipher spec". */
    public static final int BAD_CHANGE_CIPHER_SPEC = r(103, "bad change cipher spec");
    /** {@code SSL_R_INCONSISTENT_EXTMS}: "inconsistent extms". */
    public static final int INCONSISTENT_EXTMS = r(104, "inconsistent extms");
    /** {@code SSL_R_BAD_HELLO_REQUEST}: "bad hello request". */
    public static final int BAD_HELLO_REQUEST = r(105, "bad hello request");
    /** {@code SSL_R_BAD_DATA_RETURNED_BY_CALLBACK}: "bad data returned by callback". */
    public static final int BAD_DATA_RETURNED_BY_CALLBACK = r(106, "bad data returned by callback");
    /** {@code SSL_R_BAD_DECOMPRESSION}: "bad decompression". */
    public static final int BAD_DECOMPRESSION = r(107, "bad decompression");
    /** {@code SSL_R_BAD_KEY_SHARE}: "bad key share". */
    public static final int BAD_KEY_SHARE = r(108, "bad key share");
    /** {@code SSL_R_CANNOT_CHANGE_CIPHER}: "cannot change cipher". */
    public static final int CANNOT_CHANGE_CIPHER = r(109, "cannot change cipher");
    /** {@code SSL_R_BAD_EXTENSION}: "bad extension". */
    public static final int BAD_EXTENSION = r(110, "bad extension");
    /** {@code SSL_R_BAD_DIGEST_LENGTH}: "bad digest length". */
    public static final int BAD_DIGEST_LENGTH = r(111, "bad digest length");
    /** {@code SSL_R_MISSING_SIGALGS_EXTENSION}: "missing sigalgs extension". */
    public static final int MISSING_SIGALGS_EXTENSION = r(112, "missing sigalgs extension");
    /** {@code SSL_R_INVALID_CONFIGURATION_NAME}: "invalid configuration name". */
    public static final int INVALID_CONFIGURATION_NAME = r(113, "invalid configuration name");
    /** {@code SSL_R_BAD_PSK_IDENTITY}: "bad psk identity". */
    public static final int BAD_PSK_IDENTITY = r(114, "bad psk identity");
    /** {@code SSL_R_BAD_PACKET_LENGTH}: "bad packet length". */
    public static final int BAD_PACKET_LENGTH = r(115, "bad packet length");
    /** {@code SSL_R_BAD_PROTOCOL_VERSION_NUMBER}: "bad protocol version number". */
    public static final int BAD_PROTOCOL_VERSION_NUMBER = r(116, "bad protocol version number");
    /** {@code SSL_R_SSL_COMMAND_SECTION_EMPTY}: "ssl command section empty". */
    public static final int SSL_COMMAND_SECTION_EMPTY = r(117, "ssl command section empty");
    /** {@code SSL_R_NO_SUITABLE_SIGNATURE_ALGORITHM}: "no suitable signature algorithm". */
    public static final int NO_SUITABLE_SIGNATURE_ALGORITHM = r(118, "no suitable signature algorithm");
    /** {@code SSL_R_BAD_RSA_ENCRYPT}: "bad rsa encrypt". */
    public static final int BAD_RSA_ENCRYPT = r(119, "bad rsa encrypt");
    /** {@code SSL_R_INVALID_KEY_UPDATE_TYPE}: "invalid key update type". */
    public static final int INVALID_KEY_UPDATE_TYPE = r(120, "invalid key update type");
    /** {@code SSL_R_STILL_IN_INIT}: "still in init". */
    public static final int STILL_IN_INIT = r(121, "still in init");
    /** {@code SSL_R_BAD_KEY_UPDATE}: "bad key update". */
    public static final int BAD_KEY_UPDATE = r(122, "bad key update");
    /** {@code SSL_R_BAD_SIGNATURE}: "bad signature". */
    public static final int BAD_SIGNATURE = r(123, "bad signature");
    /** {@code SSL_R_BAD_SSL_FILETYPE}: "bad ssl filetype". */
    public static final int BAD_SSL_FILETYPE = r(124, "bad ssl filetype");
    /** {@code SSL_R_SSL_COMMAND_SECTION_NOT_FOUND}: "ssl command section not found". */
    public static final int SSL_COMMAND_SECTION_NOT_FOUND = r(125, "ssl command section not found");
    /** {@code SSL_R_SSL_SECTION_EMPTY}: "ssl section empty". */
    public static final int SSL_SECTION_EMPTY = r(126, "ssl section empty");
    /** {@code SSL_R_BAD_WRITE_RETRY}: "bad write retry". */
    public static final int BAD_WRITE_RETRY = r(127, "bad write retry");
    /** {@code SSL_R_BIO_NOT_SET}: "bio not set". */
    public static final int BIO_NOT_SET = r(128, "bio not set");
    /** {@code SSL_R_BLOCK_CIPHER_PAD_IS_WRONG}: "block cipher pad is wrong". */
    public static final int BLOCK_CIPHER_PAD_IS_WRONG = r(129, "block cipher pad is wrong");
    /** {@code SSL_R_BN_LIB}: "bn lib". */
    public static final int BN_LIB = r(130, "bn lib");
    /** {@code SSL_R_CA_DN_LENGTH_MISMATCH}: "ca dn length mismatch". */
    public static final int CA_DN_LENGTH_MISMATCH = r(131, "ca dn length mismatch");
    /** {@code SSL_R_TOO_MANY_KEY_UPDATES}: "too many key updates". */
    public static final int TOO_MANY_KEY_UPDATES = r(132, "too many key updates");
    /** {@code SSL_R_CCS_RECEIVED_EARLY}: "ccs received early". */
    public static final int CCS_RECEIVED_EARLY = r(133, "ccs received early");
    /** {@code SSL_R_CERTIFICATE_VERIFY_FAILED}: "certificate verify failed". */
    public static final int CERTIFICATE_VERIFY_FAILED = r(134, "certificate verify failed");
    /** {@code SSL_R_CERT_LENGTH_MISMATCH}: "cert length mismatch". */
    public static final int CERT_LENGTH_MISMATCH = r(135, "cert length mismatch");
    /** {@code SSL_R_SSL_SECTION_NOT_FOUND}: "ssl section not found". */
    public static final int SSL_SECTION_NOT_FOUND = r(136, "ssl section not found");
    /** {@code SSL_R_CIPHER_CODE_WRONG_LENGTH}: "cipher code wrong length". */
    public static final int CIPHER_CODE_WRONG_LENGTH = r(137, "cipher code wrong length");
    /** {@code SSL_R_UNKNOWN_COMMAND}: "unknown command". */
    public static final int UNKNOWN_COMMAND = r(139, "unknown command");
    /** {@code SSL_R_COMPRESSED_LENGTH_TOO_LONG}: "compressed length too long". */
    public static final int COMPRESSED_LENGTH_TOO_LONG = r(140, "compressed length too long");
    /** {@code SSL_R_COMPRESSION_FAILURE}: "compression failure". */
    public static final int COMPRESSION_FAILURE = r(141, "compression failure");
    /** {@code SSL_R_COMPRESSION_LIBRARY_ERROR}: "compression library error". */
    public static final int COMPRESSION_LIBRARY_ERROR = r(142, "compression library error");
    /** {@code SSL_R_CONNECTION_TYPE_NOT_SET}: "connection type not set". */
    public static final int CONNECTION_TYPE_NOT_SET = r(144, "connection type not set");
    /** {@code SSL_R_DATA_BETWEEN_CCS_AND_FINISHED}: "data between ccs and finished". */
    public static final int DATA_BETWEEN_CCS_AND_FINISHED = r(145, "data between ccs and finished");
    /** {@code SSL_R_DATA_LENGTH_TOO_LONG}: "data length too long". */
    public static final int DATA_LENGTH_TOO_LONG = r(146, "data length too long");
    /** {@code SSL_R_DECRYPTION_FAILED}: "decryption failed". */
    public static final int DECRYPTION_FAILED = r(147, "decryption failed");
    /** {@code SSL_R_DH_PUBLIC_VALUE_LENGTH_IS_WRONG}: "dh public value length is wrong". */
    public static final int DH_PUBLIC_VALUE_LENGTH_IS_WRONG = r(148, "dh public value length is wrong");
    /** {@code SSL_R_DIGEST_CHECK_FAILED}: "digest check failed". */
    public static final int DIGEST_CHECK_FAILED = r(149, "digest check failed");
    /** {@code SSL_R_ENCRYPTED_LENGTH_TOO_LONG}: "encrypted length too long". */
    public static final int ENCRYPTED_LENGTH_TOO_LONG = r(150, "encrypted length too long");
    /** {@code SSL_R_ERROR_IN_RECEIVED_CIPHER_LIST}: "error in received cipher list". */
    public static final int ERROR_IN_RECEIVED_CIPHER_LIST = r(151, "error in received cipher list");
    /** {@code SSL_R_EXCESSIVE_MESSAGE_SIZE}: "excessive message size". */
    public static final int EXCESSIVE_MESSAGE_SIZE = r(152, "excessive message size");
    /** {@code SSL_R_EXTRA_DATA_IN_MESSAGE}: "extra data in message". */
    public static final int EXTRA_DATA_IN_MESSAGE = r(153, "extra data in message");
    /** {@code SSL_R_GOT_A_FIN_BEFORE_A_CCS}: "got a fin before a ccs". */
    public static final int GOT_A_FIN_BEFORE_A_CCS = r(154, "got a fin before a ccs");
    /** {@code SSL_R_HTTPS_PROXY_REQUEST}: "https proxy request". */
    public static final int HTTPS_PROXY_REQUEST = r(155, "https proxy request");
    /** {@code SSL_R_HTTP_REQUEST}: "http request". */
    public static final int HTTP_REQUEST = r(156, "http request");
    /** {@code SSL_R_TLS_INVALID_ECPOINTFORMAT_LIST}: "tls invalid ecpointformat list". */
    public static final int TLS_INVALID_ECPOINTFORMAT_LIST = r(157, "tls invalid ecpointformat list");
    /** {@code SSL_R_AT_LEAST_TLS_1_2_NEEDED_IN_SUITEB_MODE}: "at least (D)TLS 1.2 needed in Suite B mode". */
    public static final int AT_LEAST_TLS_1_2_NEEDED_IN_SUITEB_MODE = r(158, "at least (D)TLS 1.2 needed in Suite B mode");
    /** {@code SSL_R_LENGTH_MISMATCH}: "length mismatch". */
    public static final int LENGTH_MISMATCH = r(159, "length mismatch");
    /** {@code SSL_R_LENGTH_TOO_SHORT}: "length too short". */
    public static final int LENGTH_TOO_SHORT = r(160, "length too short");
    /** {@code SSL_R_LIBRARY_HAS_NO_CIPHERS}: "library has no ciphers". */
    public static final int LIBRARY_HAS_NO_CIPHERS = r(161, "library has no ciphers");
    /** {@code SSL_R_ILLEGAL_POINT_COMPRESSION}: "illegal point compression". */
    public static final int ILLEGAL_POINT_COMPRESSION = r(162, "illegal point compression");
    /** {@code SSL_R_EXT_LENGTH_MISMATCH}: "ext length mismatch". */
    public static final int EXT_LENGTH_MISMATCH = r(163, "ext length mismatch");
    /** {@code SSL_R_TOO_MUCH_EARLY_DATA}: "too much early data". */
    public static final int TOO_MUCH_EARLY_DATA = r(164, "too much early data");
    /** {@code SSL_R_MISSING_DSA_SIGNING_CERT}: "missing dsa signing cert". */
    public static final int MISSING_DSA_SIGNING_CERT = r(165, "missing dsa signing cert");
    /** {@code SSL_R_VERSION_TOO_HIGH}: "version too high". */
    public static final int VERSION_TOO_HIGH = r(166, "version too high");
    /** {@code SSL_R_CONTEXT_NOT_DANE_ENABLED}: "context not dane enabled". */
    public static final int CONTEXT_NOT_DANE_ENABLED = r(167, "context not dane enabled");
    /** {@code SSL_R_MISSING_RSA_CERTIFICATE}: "missing rsa certificate". */
    public static final int MISSING_RSA_CERTIFICATE = r(168, "missing rsa certificate");
    /** {@code SSL_R_MISSING_RSA_ENCRYPTING_CERT}: "missing rsa encrypting cert". */
    public static final int MISSING_RSA_ENCRYPTING_CERT = r(169, "missing rsa encrypting cert");
    /** {@code SSL_R_MISSING_RSA_SIGNING_CERT}: "missing rsa signing cert". */
    public static final int MISSING_RSA_SIGNING_CERT = r(170, "missing rsa signing cert");
    /** {@code SSL_R_MISSING_TMP_DH_KEY}: "missing tmp dh key". */
    public static final int MISSING_TMP_DH_KEY = r(171, "missing tmp dh key");
    /** {@code SSL_R_DANE_ALREADY_ENABLED}: "dane already enabled". */
    public static final int DANE_ALREADY_ENABLED = r(172, "dane already enabled");
    /** {@code SSL_R_DANE_CANNOT_OVERRIDE_MTYPE_FULL}: "dane cannot override mtype full". */
    public static final int DANE_CANNOT_OVERRIDE_MTYPE_FULL = r(173, "dane cannot override mtype full");
    /** {@code SSL_R_INVALID_MAX_EARLY_DATA}: "invalid max early data". */
    public static final int INVALID_MAX_EARLY_DATA = r(174, "invalid max early data");
    /** {@code SSL_R_DANE_NOT_ENABLED}: "dane not enabled". */
    public static final int DANE_NOT_ENABLED = r(175, "dane not enabled");
    /** {@code SSL_R_NO_CERTIFICATES_RETURNED}: "no certificates returned". */
    public static final int NO_CERTIFICATES_RETURNED = r(176, "no certificates returned");
    /** {@code SSL_R_NO_CERTIFICATE_ASSIGNED}: "no certificate assigned". */
    public static final int NO_CERTIFICATE_ASSIGNED = r(177, "no certificate assigned");
    /** {@code SSL_R_UNEXPECTED_END_OF_EARLY_DATA}: "unexpected end of early data". */
    public static final int UNEXPECTED_END_OF_EARLY_DATA = r(178, "unexpected end of early data");
    /** {@code SSL_R_NO_CERTIFICATE_SET}: "no certificate set". */
    public static final int NO_CERTIFICATE_SET = r(179, "no certificate set");
    /** {@code SSL_R_DANE_TLSA_BAD_CERTIFICATE}: "dane tlsa bad certificate". */
    public static final int DANE_TLSA_BAD_CERTIFICATE = r(180, "dane tlsa bad certificate");
    /** {@code SSL_R_NO_CIPHERS_AVAILABLE}: "no ciphers available". */
    public static final int NO_CIPHERS_AVAILABLE = r(181, "no ciphers available");
    /** {@code SSL_R_NOT_ON_RECORD_BOUNDARY}: "not on record boundary". */
    public static final int NOT_ON_RECORD_BOUNDARY = r(182, "not on record boundary");
    /** {@code SSL_R_NO_CIPHERS_SPECIFIED}: "no ciphers specified". */
    public static final int NO_CIPHERS_SPECIFIED = r(183, "no ciphers specified");
    /** {@code SSL_R_DANE_TLSA_BAD_CERTIFICATE_USAGE}: "dane tlsa bad certificate usage". */
    public static final int DANE_TLSA_BAD_CERTIFICATE_USAGE = r(184, "dane tlsa bad certificate usage");
    /** {@code SSL_R_NO_CIPHER_MATCH}: "no cipher match". */
    public static final int NO_CIPHER_MATCH = r(185, "no cipher match");
    /** {@code SSL_R_BAD_CIPHER}: "bad cipher". */
    public static final int BAD_CIPHER = r(186, "bad cipher");
    /** {@code SSL_R_NO_COMPRESSION_SPECIFIED}: "no compression specified". */
    public static final int NO_COMPRESSION_SPECIFIED = r(187, "no compression specified");
    /** {@code SSL_R_NO_METHOD_SPECIFIED}: "no method specified". */
    public static final int NO_METHOD_SPECIFIED = r(188, "no method specified");
    /** {@code SSL_R_DANE_TLSA_BAD_DATA_LENGTH}: "dane tlsa bad data length". */
    public static final int DANE_TLSA_BAD_DATA_LENGTH = r(189, "dane tlsa bad data length");
    /** {@code SSL_R_NO_PRIVATE_KEY_ASSIGNED}: "no private key assigned". */
    public static final int NO_PRIVATE_KEY_ASSIGNED = r(190, "no private key assigned");
    /** {@code SSL_R_NO_PROTOCOLS_AVAILABLE}: "no protocols available". */
    public static final int NO_PROTOCOLS_AVAILABLE = r(191, "no protocols available");
    /** {@code SSL_R_DANE_TLSA_BAD_DIGEST_LENGTH}: "dane tlsa bad digest length". */
    public static final int DANE_TLSA_BAD_DIGEST_LENGTH = r(192, "dane tlsa bad digest length");
    /** {@code SSL_R_NO_SHARED_CIPHER}: "no shared cipher". */
    public static final int NO_SHARED_CIPHER = r(193, "no shared cipher");
    /** {@code SSL_R_EXCEEDS_MAX_FRAGMENT_SIZE}: "exceeds max fragment size". */
    public static final int EXCEEDS_MAX_FRAGMENT_SIZE = r(194, "exceeds max fragment size");
    /** {@code SSL_R_NULL_SSL_CTX}: "null ssl ctx". */
    public static final int NULL_SSL_CTX = r(195, "null ssl ctx");
    /** {@code SSL_R_NULL_SSL_METHOD_PASSED}: "null ssl method passed". */
    public static final int NULL_SSL_METHOD_PASSED = r(196, "null ssl method passed");
    /** {@code SSL_R_OLD_SESSION_CIPHER_NOT_RETURNED}: "old session cipher not returned". */
    public static final int OLD_SESSION_CIPHER_NOT_RETURNED = r(197, "old session cipher not returned");
    /** {@code SSL_R_PACKET_LENGTH_TOO_LONG}: "packet length too long". */
    public static final int PACKET_LENGTH_TOO_LONG = r(198, "packet length too long");
    /** {@code SSL_R_PEER_DID_NOT_RETURN_A_CERTIFICATE}: "peer did not return a certificate". */
    public static final int PEER_DID_NOT_RETURN_A_CERTIFICATE = r(199, "peer did not return a certificate");
    /** {@code SSL_R_DANE_TLSA_BAD_MATCHING_TYPE}: "dane tlsa bad matching type". */
    public static final int DANE_TLSA_BAD_MATCHING_TYPE = r(200, "dane tlsa bad matching type");
    /** {@code SSL_R_DANE_TLSA_BAD_PUBLIC_KEY}: "dane tlsa bad public key". */
    public static final int DANE_TLSA_BAD_PUBLIC_KEY = r(201, "dane tlsa bad public key");
    /** {@code SSL_R_DANE_TLSA_BAD_SELECTOR}: "dane tlsa bad selector". */
    public static final int DANE_TLSA_BAD_SELECTOR = r(202, "dane tlsa bad selector");
    /** {@code SSL_R_DANE_TLSA_NULL_DATA}: "dane tlsa null data". */
    public static final int DANE_TLSA_NULL_DATA = r(203, "dane tlsa null data");
    /** {@code SSL_R_ERROR_SETTING_TLSA_BASE_DOMAIN}: "error setting tlsa base domain". */
    public static final int ERROR_SETTING_TLSA_BASE_DOMAIN = r(204, "error setting tlsa base domain");
    /** {@code SSL_R_INVALID_ALERT}: "invalid alert". */
    public static final int INVALID_ALERT = r(205, "invalid alert");
    /** {@code SSL_R_CUSTOM_EXT_HANDLER_ALREADY_INSTALLED}: "custom ext handler already installed". */
    public static final int CUSTOM_EXT_HANDLER_ALREADY_INSTALLED = r(206, "custom ext handler already installed");
    /** {@code SSL_R_PROTOCOL_IS_SHUTDOWN}: "protocol is shutdown". */
    public static final int PROTOCOL_IS_SHUTDOWN = r(207, "protocol is shutdown");
    /** {@code SSL_R_SCT_VERIFICATION_FAILED}: "sct verification failed". */
    public static final int SCT_VERIFICATION_FAILED = r(208, "sct verification failed");
    /** {@code SSL_R_MISSING_SUPPORTED_GROUPS_EXTENSION}: "missing supported groups extension". */
    public static final int MISSING_SUPPORTED_GROUPS_EXTENSION = r(209, "missing supported groups extension");
    /** {@code SSL_R_SSL_SESSION_VERSION_MISMATCH}: "ssl session version mismatch". */
    public static final int SSL_SESSION_VERSION_MISMATCH = r(210, "ssl session version mismatch");
    /** {@code SSL_R_READ_BIO_NOT_SET}: "read bio not set". */
    public static final int READ_BIO_NOT_SET = r(211, "read bio not set");
    /** {@code SSL_R_INVALID_CT_VALIDATION_TYPE}: "invalid ct validation type". */
    public static final int INVALID_CT_VALIDATION_TYPE = r(212, "invalid ct validation type");
    /** {@code SSL_R_RECORD_LENGTH_MISMATCH}: "record length mismatch". */
    public static final int RECORD_LENGTH_MISMATCH = r(213, "record length mismatch");
    /** {@code SSL_R_NO_CHANGE_FOLLOWING_HRR}: "no change following hrr". */
    public static final int NO_CHANGE_FOLLOWING_HRR = r(214, "no change following hrr");
    /** {@code SSL_R_REQUIRED_CIPHER_MISSING}: "required cipher missing". */
    public static final int REQUIRED_CIPHER_MISSING = r(215, "required cipher missing");
    /** {@code SSL_R_NO_VALID_SCTS}: "no valid scts". */
    public static final int NO_VALID_SCTS = r(216, "no valid scts");
    /** {@code SSL_R_UNSOLICITED_EXTENSION}: "unsolicited extension". */
    public static final int UNSOLICITED_EXTENSION = r(217, "unsolicited extension");
    /** {@code SSL_R_CIPHERSUITE_DIGEST_HAS_CHANGED}: "ciphersuite digest has changed". */
    public static final int CIPHERSUITE_DIGEST_HAS_CHANGED = r(218, "ciphersuite digest has changed");
    /** {@code SSL_R_BAD_PSK}: "bad psk". */
    public static final int BAD_PSK = r(219, "bad psk");
    /** {@code SSL_R_SIGNATURE_FOR_NON_SIGNING_CERTIFICATE}: "signature for non signing certificate". */
    public static final int SIGNATURE_FOR_NON_SIGNING_CERTIFICATE = r(220, "signature for non signing certificate");
    /** {@code SSL_R_MISSING_SIGNING_CERT}: "missing signing cert". */
    public static final int MISSING_SIGNING_CERT = r(221, "missing signing cert");
    /** {@code SSL_R_INCONSISTENT_EARLY_DATA_ALPN}: "inconsistent early data alpn". */
    public static final int INCONSISTENT_EARLY_DATA_ALPN = r(222, "inconsistent early data alpn");
    /** {@code SSL_R_PSK_IDENTITY_NOT_FOUND}: "psk identity not found". */
    public static final int PSK_IDENTITY_NOT_FOUND = r(223, "psk identity not found");
    /** {@code SSL_R_PSK_NO_CLIENT_CB}: "psk no client cb". */
    public static final int PSK_NO_CLIENT_CB = r(224, "psk no client cb");
    /** {@code SSL_R_PSK_NO_SERVER_CB}: "psk no server cb". */
    public static final int PSK_NO_SERVER_CB = r(225, "psk no server cb");
    /** {@code SSL_R_CLIENTHELLO_TLSEXT}: "clienthello tlsext". */
    public static final int CLIENTHELLO_TLSEXT = r(226, "clienthello tlsext");
    /** {@code SSL_R_PARSE_TLSEXT}: "parse tlsext". */
    public static final int PARSE_TLSEXT = r(227, "parse tlsext");
    /** {@code SSL_R_SSL_CTX_HAS_NO_DEFAULT_SSL_VERSION}: "ssl ctx has no default ssl version". */
    public static final int SSL_CTX_HAS_NO_DEFAULT_SSL_VERSION = r(228, "ssl ctx has no default ssl version");
    /** {@code SSL_R_SSL_HANDSHAKE_FAILURE}: "ssl handshake failure". */
    public static final int SSL_HANDSHAKE_FAILURE = r(229, "ssl handshake failure");
    /** {@code SSL_R_SSL_LIBRARY_HAS_NO_CIPHERS}: "ssl library has no ciphers". */
    public static final int SSL_LIBRARY_HAS_NO_CIPHERS = r(230, "ssl library has no ciphers");
    /** {@code SSL_R_INCONSISTENT_EARLY_DATA_SNI}: "inconsistent early data sni". */
    public static final int INCONSISTENT_EARLY_DATA_SNI = r(231, "inconsistent early data sni");
    /** {@code SSL_R_SSL3_EXT_INVALID_MAX_FRAGMENT_LENGTH}: "ssl3 ext invalid max fragment length". */
    public static final int SSL3_EXT_INVALID_MAX_FRAGMENT_LENGTH = r(232, "ssl3 ext invalid max fragment length");
    /** {@code SSL_R_BAD_EARLY_DATA}: "bad early data". */
    public static final int BAD_EARLY_DATA = r(233, "bad early data");
    /** {@code SSL_R_CALLBACK_FAILED}: "callback failed". */
    public static final int CALLBACK_FAILED = r(234, "callback failed");
    /** {@code SSL_R_NO_APPLICATION_PROTOCOL}: "no application protocol". */
    public static final int NO_APPLICATION_PROTOCOL = r(235, "no application protocol");
    /** {@code SSL_R_BAD_HANDSHAKE_STATE}: "bad handshake state". */
    public static final int BAD_HANDSHAKE_STATE = r(236, "bad handshake state");
    /** {@code SSL_R_OVERFLOW_ERROR}: "overflow error". */
    public static final int OVERFLOW_ERROR = r(237, "overflow error");
    /** {@code SSL_R_INVALID_CERTIFICATE_OR_ALG}: "invalid certificate or alg". */
    public static final int INVALID_CERTIFICATE_OR_ALG = r(238, "invalid certificate or alg");
    /** {@code SSL_R_UNABLE_TO_FIND_PUBLIC_KEY_PARAMETERS}: "unable to find public key parameters". */
    public static final int UNABLE_TO_FIND_PUBLIC_KEY_PARAMETERS = r(239, "unable to find public key parameters");
    /** {@code SSL_R_BAD_PACKET}: "bad packet". */
    public static final int BAD_PACKET = r(240, "bad packet");
    /** {@code SSL_R_INSUFFICIENT_SECURITY}: "insufficient security". */
    public static final int INSUFFICIENT_SECURITY = r(241, "insufficient security");
    /** {@code SSL_R_UNABLE_TO_LOAD_SSL3_MD5_ROUTINES}: "unable to load ssl3 md5 routines". */
    public static final int UNABLE_TO_LOAD_SSL3_MD5_ROUTINES = r(242, "unable to load ssl3 md5 routines");
    /** {@code SSL_R_UNABLE_TO_LOAD_SSL3_SHA1_ROUTINES}: "unable to load ssl3 sha1 routines". */
    public static final int UNABLE_TO_LOAD_SSL3_SHA1_ROUTINES = r(243, "unable to load ssl3 sha1 routines");
    /** {@code SSL_R_UNEXPECTED_MESSAGE}: "unexpected message". */
    public static final int UNEXPECTED_MESSAGE = r(244, "unexpected message");
    /** {@code SSL_R_UNEXPECTED_RECORD}: "unexpected record". */
    public static final int UNEXPECTED_RECORD = r(245, "unexpected record");
    /** {@code SSL_R_UNKNOWN_ALERT_TYPE}: "unknown alert type". */
    public static final int UNKNOWN_ALERT_TYPE = r(246, "unknown alert type");
    /** {@code SSL_R_UNKNOWN_CERTIFICATE_TYPE}: "unknown certificate type". */
    public static final int UNKNOWN_CERTIFICATE_TYPE = r(247, "unknown certificate type");
    /** {@code SSL_R_UNKNOWN_CIPHER_RETURNED}: "unknown cipher returned". */
    public static final int UNKNOWN_CIPHER_RETURNED = r(248, "unknown cipher returned");
    /** {@code SSL_R_UNKNOWN_CIPHER_TYPE}: "unknown cipher type". */
    public static final int UNKNOWN_CIPHER_TYPE = r(249, "unknown cipher type");
    /** {@code SSL_R_UNKNOWN_KEY_EXCHANGE_TYPE}: "unknown key exchange type". */
    public static final int UNKNOWN_KEY_EXCHANGE_TYPE = r(250, "unknown key exchange type");
    /** {@code SSL_R_UNKNOWN_PKEY_TYPE}: "unknown pkey type". */
    public static final int UNKNOWN_PKEY_TYPE = r(251, "unknown pkey type");
    /** {@code SSL_R_UNKNOWN_PROTOCOL}: "unknown protocol". */
    public static final int UNKNOWN_PROTOCOL = r(252, "unknown protocol");
    /** {@code SSL_R_BINDER_DOES_NOT_VERIFY}: "binder does not verify". */
    public static final int BINDER_DOES_NOT_VERIFY = r(253, "binder does not verify");
    /** {@code SSL_R_UNKNOWN_SSL_VERSION}: "unknown ssl version". */
    public static final int UNKNOWN_SSL_VERSION = r(254, "unknown ssl version");
    /** {@code SSL_R_UNKNOWN_STATE}: "unknown state". */
    public static final int UNKNOWN_STATE = r(255, "unknown state");
    /** {@code SSL_R_MISSING_FATAL}: "missing fatal". */
    public static final int MISSING_FATAL = r(256, "missing fatal");
    /** {@code SSL_R_UNSUPPORTED_COMPRESSION_ALGORITHM}: "unsupported compression algorithm". */
    public static final int UNSUPPORTED_COMPRESSION_ALGORITHM = r(257, "unsupported compression algorithm");
    /** {@code SSL_R_UNSUPPORTED_PROTOCOL}: "unsupported protocol". */
    public static final int UNSUPPORTED_PROTOCOL = r(258, "unsupported protocol");
    /** {@code SSL_R_UNSUPPORTED_SSL_VERSION}: "unsupported ssl version". */
    public static final int UNSUPPORTED_SSL_VERSION = r(259, "unsupported ssl version");
    /** {@code SSL_R_INVALID_CCS_MESSAGE}: "invalid ccs message". */
    public static final int INVALID_CCS_MESSAGE = r(260, "invalid ccs message");
    /** {@code SSL_R_WRONG_CIPHER_RETURNED}: "wrong cipher returned". */
    public static final int WRONG_CIPHER_RETURNED = r(261, "wrong cipher returned");
    /** {@code SSL_R_UNEXPECTED_CCS_MESSAGE}: "unexpected ccs message". */
    public static final int UNEXPECTED_CCS_MESSAGE = r(262, "unexpected ccs message");
    /** {@code SSL_R_BAD_HRR_VERSION}: "bad hrr version". */
    public static final int BAD_HRR_VERSION = r(263, "bad hrr version");
    /** {@code SSL_R_WRONG_SIGNATURE_LENGTH}: "wrong signature length". */
    public static final int WRONG_SIGNATURE_LENGTH = r(264, "wrong signature length");
    /** {@code SSL_R_WRONG_SIGNATURE_SIZE}: "wrong signature size". */
    public static final int WRONG_SIGNATURE_SIZE = r(265, "wrong signature size");
    /** {@code SSL_R_WRONG_SSL_VERSION}: "wrong ssl version". */
    public static final int WRONG_SSL_VERSION = r(266, "wrong ssl version");
    /** {@code SSL_R_WRONG_VERSION_NUMBER}: "wrong version number". */
    public static final int WRONG_VERSION_NUMBER = r(267, "wrong version number");
    /** {@code SSL_R_X509_LIB}: "x509 lib". */
    public static final int X509_LIB = r(268, "x509 lib");
    /** {@code SSL_R_X509_VERIFICATION_SETUP_PROBLEMS}: "x509 verification setup problems". */
    public static final int X509_VERIFICATION_SETUP_PROBLEMS = r(269, "x509 verification setup problems");
    /** {@code SSL_R_PATH_TOO_LONG}: "path too long". */
    public static final int PATH_TOO_LONG = r(270, "path too long");
    /** {@code SSL_R_BAD_LENGTH}: "bad length". */
    public static final int BAD_LENGTH = r(271, "bad length");
    /** {@code SSL_R_ATTEMPT_TO_REUSE_SESSION_IN_DIFFERENT_CONTEXT}: "attempt to reuse session in different context". */
    public static final int ATTEMPT_TO_REUSE_SESSION_IN_DIFFERENT_CONTEXT = r(272, "attempt to reuse session in different context");
    /** {@code SSL_R_SSL_SESSION_ID_CONTEXT_TOO_LONG}: "ssl session id context too long". */
    public static final int SSL_SESSION_ID_CONTEXT_TOO_LONG = r(273, "ssl session id context too long");
    /** {@code SSL_R_LIBRARY_BUG}: "library bug". */
    public static final int LIBRARY_BUG = r(274, "library bug");
    /** {@code SSL_R_SERVERHELLO_TLSEXT}: "serverhello tlsext". */
    public static final int SERVERHELLO_TLSEXT = r(275, "serverhello tlsext");
    /** {@code SSL_R_UNINITIALIZED}: "uninitialized". */
    public static final int UNINITIALIZED = r(276, "uninitialized");
    /** {@code SSL_R_SESSION_ID_CONTEXT_UNINITIALIZED}: "session id context uninitialized". */
    public static final int SESSION_ID_CONTEXT_UNINITIALIZED = r(277, "session id context uninitialized");
    /** {@code SSL_R_POST_HANDSHAKE_AUTH_ENCODING_ERR}: "post handshake auth encoding err". */
    public static final int POST_HANDSHAKE_AUTH_ENCODING_ERR = r(278, "post handshake auth encoding err");
    /** {@code SSL_R_EXTENSION_NOT_RECEIVED}: "extension not received". */
    public static final int EXTENSION_NOT_RECEIVED = r(279, "extension not received");
    /** {@code SSL_R_INVALID_COMMAND}: "invalid command". */
    public static final int INVALID_COMMAND = r(280, "invalid command");
    /** {@code SSL_R_DECRYPTION_FAILED_OR_BAD_RECORD_MAC}: "decryption failed or bad record mac". */
    public static final int DECRYPTION_FAILED_OR_BAD_RECORD_MAC = r(281, "decryption failed or bad record mac");
    /** {@code SSL_R_INVALID_CONTEXT}: "invalid context". */
    public static final int INVALID_CONTEXT = r(282, "invalid context");
    /** {@code SSL_R_INVALID_CONFIG}: "invalid config". */
    public static final int INVALID_CONFIG = r(283, "invalid config");
    /** {@code SSL_R_NOT_SERVER}: "not server". */
    public static final int NOT_SERVER = r(284, "not server");
    /** {@code SSL_R_REQUEST_PENDING}: "request pending". */
    public static final int REQUEST_PENDING = r(285, "request pending");
    /** {@code SSL_R_REQUEST_SENT}: "request sent". */
    public static final int REQUEST_SENT = r(286, "request sent");
    /** {@code SSL_R_NO_COOKIE_CALLBACK_SET}: "no cookie callback set". */
    public static final int NO_COOKIE_CALLBACK_SET = r(287, "no cookie callback set");
    /** {@code SSL_R_PRIVATE_KEY_MISMATCH}: "private key mismatch". */
    public static final int PRIVATE_KEY_MISMATCH = r(288, "private key mismatch");
    /** {@code SSL_R_NOT_REPLACING_CERTIFICATE}: "not replacing certificate". */
    public static final int NOT_REPLACING_CERTIFICATE = r(289, "not replacing certificate");
    /** {@code SSL_R_MISSING_PARAMETERS}: "missing parameters". */
    public static final int MISSING_PARAMETERS = r(290, "missing parameters");
    /** {@code SSL_R_APPLICATION_DATA_AFTER_CLOSE_NOTIFY}: "application data after close notify". */
    public static final int APPLICATION_DATA_AFTER_CLOSE_NOTIFY = r(291, "application data after close notify");
    /** {@code SSL_R_BAD_LEGACY_VERSION}: "bad legacy version". */
    public static final int BAD_LEGACY_VERSION = r(292, "bad legacy version");
    /** {@code SSL_R_MIXED_HANDSHAKE_AND_NON_HANDSHAKE_DATA}: "mixed handshake and non handshake data". */
    public static final int MIXED_HANDSHAKE_AND_NON_HANDSHAKE_DATA = r(293, "mixed handshake and non handshake data");
    /** {@code SSL_R_UNEXPECTED_EOF_WHILE_READING}: "unexpected eof while reading". */
    public static final int UNEXPECTED_EOF_WHILE_READING = r(294, "unexpected eof while reading");
    /** {@code SSL_R_NO_SUITABLE_GROUPS}: "no suitable groups". */
    public static final int NO_SUITABLE_GROUPS = r(295, "no suitable groups");
    /** {@code SSL_R_COPY_PARAMETERS_FAILED}: "copy parameters failed". */
    public static final int COPY_PARAMETERS_FAILED = r(296, "copy parameters failed");
    /** {@code SSL_R_NO_SUITABLE_DIGEST_ALGORITHM}: "no suitable digest algorithm". */
    public static final int NO_SUITABLE_DIGEST_ALGORITHM = r(297, "no suitable digest algorithm");
    /** {@code SSL_R_RECORD_TOO_SMALL}: "record too small". */
    public static final int RECORD_TOO_SMALL = r(298, "record too small");
    /** {@code SSL_R_CANNOT_GET_GROUP_NAME}: "cannot get group name". */
    public static final int CANNOT_GET_GROUP_NAME = r(299, "cannot get group name");
    /** {@code SSL_R_SSL3_SESSION_ID_TOO_LONG}: "ssl3 session id too long". */
    public static final int SSL3_SESSION_ID_TOO_LONG = r(300, "ssl3 session id too long");
    /** {@code SSL_R_SSL_SESSION_ID_CALLBACK_FAILED}: "ssl session id callback failed". */
    public static final int SSL_SESSION_ID_CALLBACK_FAILED = r(301, "ssl session id callback failed");
    /** {@code SSL_R_SSL_SESSION_ID_CONFLICT}: "ssl session id conflict". */
    public static final int SSL_SESSION_ID_CONFLICT = r(302, "ssl session id conflict");
    /** {@code SSL_R_SSL_SESSION_ID_HAS_BAD_LENGTH}: "ssl session id has bad length". */
    public static final int SSL_SESSION_ID_HAS_BAD_LENGTH = r(303, "ssl session id has bad length");
    /** {@code SSL_R_BAD_ECC_CERT}: "bad ecc cert". */
    public static final int BAD_ECC_CERT = r(304, "bad ecc cert");
    /** {@code SSL_R_OCSP_CALLBACK_FAILURE}: "ocsp callback failure". */
    public static final int OCSP_CALLBACK_FAILURE = r(305, "ocsp callback failure");
    /** {@code SSL_R_BAD_ECPOINT}: "bad ecpoint". */
    public static final int BAD_ECPOINT = r(306, "bad ecpoint");
    /** {@code SSL_R_COMPRESSION_ID_NOT_WITHIN_PRIVATE_RANGE}: "compression id not within private range". */
    public static final int COMPRESSION_ID_NOT_WITHIN_PRIVATE_RANGE = r(307, "compression id not within private range");
    /** {@code SSL_R_COOKIE_MISMATCH}: "cookie mismatch". */
    public static final int COOKIE_MISMATCH = r(308, "cookie mismatch");
    /** {@code SSL_R_DUPLICATE_COMPRESSION_ID}: "duplicate compression id". */
    public static final int DUPLICATE_COMPRESSION_ID = r(309, "duplicate compression id");
    /** {@code SSL_R_MISSING_PSK_KEX_MODES_EXTENSION}: "missing psk kex modes extension". */
    public static final int MISSING_PSK_KEX_MODES_EXTENSION = r(310, "missing psk kex modes extension");
    /** {@code SSL_R_MISSING_TMP_ECDH_KEY}: "missing tmp ecdh key". */
    public static final int MISSING_TMP_ECDH_KEY = r(311, "missing tmp ecdh key");
    /** {@code SSL_R_READ_TIMEOUT_EXPIRED}: "read timeout expired". */
    public static final int READ_TIMEOUT_EXPIRED = r(312, "read timeout expired");
    /** {@code SSL_R_UNABLE_TO_FIND_ECDH_PARAMETERS}: "unable to find ecdh parameters". */
    public static final int UNABLE_TO_FIND_ECDH_PARAMETERS = r(314, "unable to find ecdh parameters");
    /** {@code SSL_R_UNSUPPORTED_ELLIPTIC_CURVE}: "unsupported elliptic curve". */
    public static final int UNSUPPORTED_ELLIPTIC_CURVE = r(315, "unsupported elliptic curve");
    /** {@code SSL_R_ECC_CERT_NOT_FOR_SIGNING}: "ecc cert not for signing". */
    public static final int ECC_CERT_NOT_FOR_SIGNING = r(318, "ecc cert not for signing");
    /** {@code SSL_R_SSL3_EXT_INVALID_SERVERNAME}: "ssl3 ext invalid servername". */
    public static final int SSL3_EXT_INVALID_SERVERNAME = r(319, "ssl3 ext invalid servername");
    /** {@code SSL_R_SSL3_EXT_INVALID_SERVERNAME_TYPE}: "ssl3 ext invalid servername type". */
    public static final int SSL3_EXT_INVALID_SERVERNAME_TYPE = r(320, "ssl3 ext invalid servername type");
    /** {@code SSL_R_NO_REQUIRED_DIGEST}: "no required digest". */
    public static final int NO_REQUIRED_DIGEST = r(324, "no required digest");
    /** {@code SSL_R_INVALID_TICKET_KEYS_LENGTH}: "invalid ticket keys length". */
    public static final int INVALID_TICKET_KEYS_LENGTH = r(325, "invalid ticket keys length");
    /** {@code SSL_R_INVALID_STATUS_RESPONSE}: "invalid status response". */
    public static final int INVALID_STATUS_RESPONSE = r(328, "invalid status response");
    /** {@code SSL_R_UNSUPPORTED_STATUS_TYPE}: "unsupported status type". */
    public static final int UNSUPPORTED_STATUS_TYPE = r(329, "unsupported status type");
    /** {@code SSL_R_NO_GOST_CERTIFICATE_SENT_BY_PEER}: "Peer haven't sent GOST certificate, required for selected ciphersuite". */
    public static final int NO_GOST_CERTIFICATE_SENT_BY_PEER = r(330, "Peer haven't sent GOST certificate, required for selected ciphersuite");
    /** {@code SSL_R_NO_CLIENT_CERT_METHOD}: "no client cert method". */
    public static final int NO_CLIENT_CERT_METHOD = r(331, "no client cert method");
    /** {@code SSL_R_BAD_HANDSHAKE_LENGTH}: "bad handshake length". */
    public static final int BAD_HANDSHAKE_LENGTH = r(332, "bad handshake length");
    /** {@code SSL_R_LEGACY_SIGALG_DISALLOWED_OR_UNSUPPORTED}: "legacy sigalg disallowed or unsupported". */
    public static final int LEGACY_SIGALG_DISALLOWED_OR_UNSUPPORTED = r(333, "legacy sigalg disallowed or unsupported");
    /** {@code SSL_R_DTLS_MESSAGE_TOO_BIG}: "dtls message too big". */
    public static final int DTLS_MESSAGE_TOO_BIG = r(334, "dtls message too big");
    /** {@code SSL_R_RENEGOTIATE_EXT_TOO_LONG}: "renegotiate ext too long". */
    public static final int RENEGOTIATE_EXT_TOO_LONG = r(335, "renegotiate ext too long");
    /** {@code SSL_R_RENEGOTIATION_ENCODING_ERR}: "renegotiation encoding err". */
    public static final int RENEGOTIATION_ENCODING_ERR = r(336, "renegotiation encoding err");
    /** {@code SSL_R_RENEGOTIATION_MISMATCH}: "renegotiation mismatch". */
    public static final int RENEGOTIATION_MISMATCH = r(337, "renegotiation mismatch");
    /** {@code SSL_R_UNSAFE_LEGACY_RENEGOTIATION_DISABLED}: "unsafe legacy renegotiation disabled". */
    public static final int UNSAFE_LEGACY_RENEGOTIATION_DISABLED = r(338, "unsafe legacy renegotiation disabled");
    /** {@code SSL_R_NO_RENEGOTIATION}: "no renegotiation". */
    public static final int NO_RENEGOTIATION = r(339, "no renegotiation");
    /** {@code SSL_R_INCONSISTENT_COMPRESSION}: "inconsistent compression". */
    public static final int INCONSISTENT_COMPRESSION = r(340, "inconsistent compression");
    /** {@code SSL_R_INVALID_COMPRESSION_ALGORITHM}: "invalid compression algorithm". */
    public static final int INVALID_COMPRESSION_ALGORITHM = r(341, "invalid compression algorithm");
    /** {@code SSL_R_REQUIRED_COMPRESSION_ALGORITHM_MISSING}: "required compression algorithm missing". */
    public static final int REQUIRED_COMPRESSION_ALGORITHM_MISSING = r(342, "required compression algorithm missing");
    /** {@code SSL_R_COMPRESSION_DISABLED}: "compression disabled". */
    public static final int COMPRESSION_DISABLED = r(343, "compression disabled");
    /** {@code SSL_R_OLD_SESSION_COMPRESSION_ALGORITHM_NOT_RETURNED}: "old session compression algorithm not returned". */
    public static final int OLD_SESSION_COMPRESSION_ALGORITHM_NOT_RETURNED = r(344, "old session compression algorithm not returned");
    /** {@code SSL_R_SCSV_RECEIVED_WHEN_RENEGOTIATING}: "scsv received when renegotiating". */
    public static final int SCSV_RECEIVED_WHEN_RENEGOTIATING = r(345, "scsv received when renegotiating");
    /** {@code SSL_R_BAD_SRP_A_LENGTH}: "bad srp a length". */
    public static final int BAD_SRP_A_LENGTH = r(347, "bad srp a length");
    /** {@code SSL_R_BAD_SRTP_MKI_VALUE}: "bad srtp mki value". */
    public static final int BAD_SRTP_MKI_VALUE = r(352, "bad srtp mki value");
    /** {@code SSL_R_BAD_SRTP_PROTECTION_PROFILE_LIST}: "bad srtp protection profile list". */
    public static final int BAD_SRTP_PROTECTION_PROFILE_LIST = r(353, "bad srtp protection profile list");
    /** {@code SSL_R_EMPTY_SRTP_PROTECTION_PROFILE_LIST}: "empty srtp protection profile list". */
    public static final int EMPTY_SRTP_PROTECTION_PROFILE_LIST = r(354, "empty srtp protection profile list");
    /** {@code SSL_R_INVALID_SRP_USERNAME}: "invalid srp username". */
    public static final int INVALID_SRP_USERNAME = r(357, "invalid srp username");
    /** {@code SSL_R_MISSING_SRP_PARAM}: "can't find SRP server param". */
    public static final int MISSING_SRP_PARAM = r(358, "can't find SRP server param");
    /** {@code SSL_R_NO_SRTP_PROFILES}: "no srtp profiles". */
    public static final int NO_SRTP_PROFILES = r(359, "no srtp profiles");
    /** {@code SSL_R_SIGNATURE_ALGORITHMS_ERROR}: "signature algorithms error". */
    public static final int SIGNATURE_ALGORITHMS_ERROR = r(360, "signature algorithms error");
    /** {@code SSL_R_SRP_A_CALC}: "error with the srp params". */
    public static final int SRP_A_CALC = r(361, "error with the srp params");
    /** {@code SSL_R_SRTP_COULD_NOT_ALLOCATE_PROFILES}: "srtp could not allocate profiles". */
    public static final int SRTP_COULD_NOT_ALLOCATE_PROFILES = r(362, "srtp could not allocate profiles");
    /** {@code SSL_R_SRTP_PROTECTION_PROFILE_LIST_TOO_LONG}: "srtp protection profile list too long". */
    public static final int SRTP_PROTECTION_PROFILE_LIST_TOO_LONG = r(363, "srtp protection profile list too long");
    /** {@code SSL_R_SRTP_UNKNOWN_PROTECTION_PROFILE}: "srtp unknown protection profile". */
    public static final int SRTP_UNKNOWN_PROTECTION_PROFILE = r(364, "srtp unknown protection profile");
    /** {@code SSL_R_TLS_ILLEGAL_EXPORTER_LABEL}: "tls illegal exporter label". */
    public static final int TLS_ILLEGAL_EXPORTER_LABEL = r(367, "tls illegal exporter label");
    /** {@code SSL_R_UNKNOWN_DIGEST}: "unknown digest". */
    public static final int UNKNOWN_DIGEST = r(368, "unknown digest");
    /** {@code SSL_R_USE_SRTP_NOT_NEGOTIATED}: "use srtp not negotiated". */
    public static final int USE_SRTP_NOT_NEGOTIATED = r(369, "use srtp not negotiated");
    /** {@code SSL_R_WRONG_SIGNATURE_TYPE}: "wrong signature type". */
    public static final int WRONG_SIGNATURE_TYPE = r(370, "wrong signature type");
    /** {@code SSL_R_BAD_SRP_PARAMETERS}: "bad srp parameters". */
    public static final int BAD_SRP_PARAMETERS = r(371, "bad srp parameters");
    /** {@code SSL_R_SSL_NEGATIVE_LENGTH}: "ssl negative length". */
    public static final int SSL_NEGATIVE_LENGTH = r(372, "ssl negative length");
    /** {@code SSL_R_INAPPROPRIATE_FALLBACK}: "inappropriate fallback". */
    public static final int INAPPROPRIATE_FALLBACK = r(373, "inappropriate fallback");
    /** {@code SSL_R_ECDH_REQUIRED_FOR_SUITEB_MODE}: "ecdh required for suiteb mode". */
    public static final int ECDH_REQUIRED_FOR_SUITEB_MODE = r(374, "ecdh required for suiteb mode");
    /** {@code SSL_R_NO_SHARED_SIGNATURE_ALGORITHMS}: "no shared signature algorithms". */
    public static final int NO_SHARED_SIGNATURE_ALGORITHMS = r(376, "no shared signature algorithms");
    /** {@code SSL_R_CERT_CB_ERROR}: "cert cb error". */
    public static final int CERT_CB_ERROR = r(377, "cert cb error");
    /** {@code SSL_R_WRONG_CURVE}: "wrong curve". */
    public static final int WRONG_CURVE = r(378, "wrong curve");
    /** {@code SSL_R_ILLEGAL_SUITEB_DIGEST}: "illegal Suite B digest". */
    public static final int ILLEGAL_SUITEB_DIGEST = r(380, "illegal Suite B digest");
    /** {@code SSL_R_MISSING_ECDSA_SIGNING_CERT}: "missing ecdsa signing cert". */
    public static final int MISSING_ECDSA_SIGNING_CERT = r(381, "missing ecdsa signing cert");
    /** {@code SSL_R_WRONG_CERTIFICATE_TYPE}: "wrong certificate type". */
    public static final int WRONG_CERTIFICATE_TYPE = r(383, "wrong certificate type");
    /**
     * {@code ERR_R_PEM_LIB}: "PEM lib", the common reason libssl raises when reading a PEM key or certificate fails
     * (after the cause's own entry, e.g. "bad decrypt"); shown by OpenSSL as {@code 0A080009}.
     */
    public static final int PEM_LIB = r(0x80009, "PEM lib");
    /**
     * {@code ERR_R_ASN1_LIB}: "ASN1 lib", the common reason libssl raises when a DER ({@code SSL_FILETYPE_ASN1})
     * private key does not decode; shown as {@code 0A08000D}.
     */
    public static final int ASN1_LIB = r(0x8000D, "ASN1 lib");
    /**
     * {@code ERR_R_SHOULD_NOT_HAVE_BEEN_CALLED}: "called a function you should not call", raised by
     * {@code ssl_undefined_function}, e.g. {@code SSL_connect} on a server method; shown as {@code 0A0C0001}.
     */
    public static final int SHOULD_NOT_HAVE_BEEN_CALLED = r(0xC0001, "called a function you should not call");
    /** {@code SSL_R_BAD_VALUE}: "bad value". */
    public static final int BAD_VALUE = r(384, "bad value");
    /** {@code SSL_R_INVALID_NULL_CMD_NAME}: "invalid null cmd name". */
    public static final int INVALID_NULL_CMD_NAME = r(385, "invalid null cmd name");
    /** {@code SSL_R_UNKNOWN_CMD_NAME}: "unknown cmd name". */
    public static final int UNKNOWN_CMD_NAME = r(386, "unknown cmd name");
    /** {@code SSL_R_INVALID_SERVERINFO_DATA}: "invalid serverinfo data". */
    public static final int INVALID_SERVERINFO_DATA = r(388, "invalid serverinfo data");
    /** {@code SSL_R_NO_PEM_EXTENSIONS}: "no pem extensions". */
    public static final int NO_PEM_EXTENSIONS = r(389, "no pem extensions");
    /** {@code SSL_R_BAD_DATA}: "bad data". */
    public static final int BAD_DATA = r(390, "bad data");
    /** {@code SSL_R_PEM_NAME_BAD_PREFIX}: "pem name bad prefix". */
    public static final int PEM_NAME_BAD_PREFIX = r(391, "pem name bad prefix");
    /** {@code SSL_R_PEM_NAME_TOO_SHORT}: "pem name too short". */
    public static final int PEM_NAME_TOO_SHORT = r(392, "pem name too short");
    /** {@code SSL_R_DH_KEY_TOO_SMALL}: "dh key too small". */
    public static final int DH_KEY_TOO_SMALL = r(394, "dh key too small");
    /** {@code SSL_R_VERSION_TOO_LOW}: "version too low". */
    public static final int VERSION_TOO_LOW = r(396, "version too low");
    /** {@code SSL_R_CA_KEY_TOO_SMALL}: "ca key too small". */
    public static final int CA_KEY_TOO_SMALL = r(397, "ca key too small");
    /** {@code SSL_R_CA_MD_TOO_WEAK}: "ca md too weak". */
    public static final int CA_MD_TOO_WEAK = r(398, "ca md too weak");
    /** {@code SSL_R_EE_KEY_TOO_SMALL}: "ee key too small". */
    public static final int EE_KEY_TOO_SMALL = r(399, "ee key too small");
    /** {@code SSL_R_COOKIE_GEN_CALLBACK_FAILURE}: "cookie gen callback failure". */
    public static final int COOKIE_GEN_CALLBACK_FAILURE = r(400, "cookie gen callback failure");
    /** {@code SSL_R_FRAGMENTED_CLIENT_HELLO}: "fragmented client hello". */
    public static final int FRAGMENTED_CLIENT_HELLO = r(401, "fragmented client hello");
    /** {@code SSL_R_INVALID_SEQUENCE_NUMBER}: "invalid sequence number". */
    public static final int INVALID_SEQUENCE_NUMBER = r(402, "invalid sequence number");
    /** {@code SSL_R_NO_VERIFY_COOKIE_CALLBACK}: "no verify cookie callback". */
    public static final int NO_VERIFY_COOKIE_CALLBACK = r(403, "no verify cookie callback");
    /** {@code SSL_R_LENGTH_TOO_LONG}: "length too long". */
    public static final int LENGTH_TOO_LONG = r(404, "length too long");
    /** {@code SSL_R_FAILED_TO_INIT_ASYNC}: "failed to init async". */
    public static final int FAILED_TO_INIT_ASYNC = r(405, "failed to init async");
    /** {@code SSL_R_PIPELINE_FAILURE}: "pipeline failure". */
    public static final int PIPELINE_FAILURE = r(406, "pipeline failure");
    /** {@code SSL_R_SHUTDOWN_WHILE_IN_INIT}: "shutdown while in init". */
    public static final int SHUTDOWN_WHILE_IN_INIT = r(407, "shutdown while in init");
    /** {@code SSL_R_SSL_SESSION_ID_TOO_LONG}: "ssl session id too long". */
    public static final int SSL_SESSION_ID_TOO_LONG = r(408, "ssl session id too long");
    /** {@code SSL_R_TOO_MANY_WARN_ALERTS}: "too many warn alerts". */
    public static final int TOO_MANY_WARN_ALERTS = r(409, "too many warn alerts");
    /** {@code SSL_R_NO_SHARED_GROUPS}: "no shared groups". */
    public static final int NO_SHARED_GROUPS = r(410, "no shared groups");
    /** {@code SSL_R_BAD_RECORD_TYPE}: "bad record type". */
    public static final int BAD_RECORD_TYPE = r(443, "bad record type");
    /** {@code SSL_R_INVALID_SESSION_ID}: "invalid session id". */
    public static final int INVALID_SESSION_ID = r(999, "invalid session id");
    /** {@code SSL_R_SSLV3_ALERT_UNEXPECTED_MESSAGE}: "sslv3 alert unexpected message". */
    public static final int SSLV3_ALERT_UNEXPECTED_MESSAGE = r(1010, "sslv3 alert unexpected message");
    /** {@code SSL_R_SSLV3_ALERT_BAD_RECORD_MAC}: "sslv3 alert bad record mac". */
    public static final int SSLV3_ALERT_BAD_RECORD_MAC = r(1020, "sslv3 alert bad record mac");
    /** {@code SSL_R_TLSV1_ALERT_DECRYPTION_FAILED}: "tlsv1 alert decryption failed". */
    public static final int TLSV1_ALERT_DECRYPTION_FAILED = r(1021, "tlsv1 alert decryption failed");
    /** {@code SSL_R_TLSV1_ALERT_RECORD_OVERFLOW}: "tlsv1 alert record overflow". */
    public static final int TLSV1_ALERT_RECORD_OVERFLOW = r(1022, "tlsv1 alert record overflow");
    /** {@code SSL_R_SSLV3_ALERT_DECOMPRESSION_FAILURE}: "sslv3 alert decompression failure". */
    public static final int SSLV3_ALERT_DECOMPRESSION_FAILURE = r(1030, "sslv3 alert decompression failure");
    /** {@code SSL_R_SSLV3_ALERT_HANDSHAKE_FAILURE}: "sslv3 alert handshake failure". */
    public static final int SSLV3_ALERT_HANDSHAKE_FAILURE = r(1040, "sslv3 alert handshake failure");
    /** {@code SSL_R_SSLV3_ALERT_NO_CERTIFICATE}: "sslv3 alert no certificate". */
    public static final int SSLV3_ALERT_NO_CERTIFICATE = r(1041, "sslv3 alert no certificate");
    /** {@code SSL_R_SSLV3_ALERT_BAD_CERTIFICATE}: "sslv3 alert bad certificate". */
    public static final int SSLV3_ALERT_BAD_CERTIFICATE = r(1042, "sslv3 alert bad certificate");
    /** {@code SSL_R_SSLV3_ALERT_UNSUPPORTED_CERTIFICATE}: "sslv3 alert unsupported certificate". */
    public static final int SSLV3_ALERT_UNSUPPORTED_CERTIFICATE = r(1043, "sslv3 alert unsupported certificate");
    /** {@code SSL_R_SSLV3_ALERT_CERTIFICATE_REVOKED}: "sslv3 alert certificate revoked". */
    public static final int SSLV3_ALERT_CERTIFICATE_REVOKED = r(1044, "sslv3 alert certificate revoked");
    /** {@code SSL_R_SSLV3_ALERT_CERTIFICATE_EXPIRED}: "sslv3 alert certificate expired". */
    public static final int SSLV3_ALERT_CERTIFICATE_EXPIRED = r(1045, "sslv3 alert certificate expired");
    /** {@code SSL_R_SSLV3_ALERT_CERTIFICATE_UNKNOWN}: "sslv3 alert certificate unknown". */
    public static final int SSLV3_ALERT_CERTIFICATE_UNKNOWN = r(1046, "sslv3 alert certificate unknown");
    /** {@code SSL_R_SSLV3_ALERT_ILLEGAL_PARAMETER}: "sslv3 alert illegal parameter". */
    public static final int SSLV3_ALERT_ILLEGAL_PARAMETER = r(1047, "sslv3 alert illegal parameter");
    /** {@code SSL_R_TLSV1_ALERT_UNKNOWN_CA}: "tlsv1 alert unknown ca". */
    public static final int TLSV1_ALERT_UNKNOWN_CA = r(1048, "tlsv1 alert unknown ca");
    /** {@code SSL_R_TLSV1_ALERT_ACCESS_DENIED}: "tlsv1 alert access denied". */
    public static final int TLSV1_ALERT_ACCESS_DENIED = r(1049, "tlsv1 alert access denied");
    /** {@code SSL_R_TLSV1_ALERT_DECODE_ERROR}: "tlsv1 alert decode error". */
    public static final int TLSV1_ALERT_DECODE_ERROR = r(1050, "tlsv1 alert decode error");
    /** {@code SSL_R_TLSV1_ALERT_DECRYPT_ERROR}: "tlsv1 alert decrypt error". */
    public static final int TLSV1_ALERT_DECRYPT_ERROR = r(1051, "tlsv1 alert decrypt error");
    /** {@code SSL_R_TLSV1_ALERT_EXPORT_RESTRICTION}: "tlsv1 alert export restriction". */
    public static final int TLSV1_ALERT_EXPORT_RESTRICTION = r(1060, "tlsv1 alert export restriction");
    /** {@code SSL_R_TLSV1_ALERT_PROTOCOL_VERSION}: "tlsv1 alert protocol version". */
    public static final int TLSV1_ALERT_PROTOCOL_VERSION = r(1070, "tlsv1 alert protocol version");
    /** {@code SSL_R_TLSV1_ALERT_INSUFFICIENT_SECURITY}: "tlsv1 alert insufficient security". */
    public static final int TLSV1_ALERT_INSUFFICIENT_SECURITY = r(1071, "tlsv1 alert insufficient security");
    /** {@code SSL_R_TLSV1_ALERT_INTERNAL_ERROR}: "tlsv1 alert internal error". */
    public static final int TLSV1_ALERT_INTERNAL_ERROR = r(1080, "tlsv1 alert internal error");
    /** {@code SSL_R_TLSV1_ALERT_INAPPROPRIATE_FALLBACK}: "tlsv1 alert inappropriate fallback". */
    public static final int TLSV1_ALERT_INAPPROPRIATE_FALLBACK = r(1086, "tlsv1 alert inappropriate fallback");
    /** {@code SSL_R_TLSV1_ALERT_USER_CANCELLED}: "tlsv1 alert user cancelled". */
    public static final int TLSV1_ALERT_USER_CANCELLED = r(1090, "tlsv1 alert user cancelled");
    /** {@code SSL_R_TLSV1_ALERT_NO_RENEGOTIATION}: "tlsv1 alert no renegotiation". */
    public static final int TLSV1_ALERT_NO_RENEGOTIATION = r(1100, "tlsv1 alert no renegotiation");
    /** {@code SSL_R_TLSV13_ALERT_MISSING_EXTENSION}: "tlsv13 alert missing extension". */
    public static final int TLSV13_ALERT_MISSING_EXTENSION = r(1109, "tlsv13 alert missing extension");
    /** {@code SSL_R_TLSV1_UNSUPPORTED_EXTENSION}: "tlsv1 unsupported extension". */
    public static final int TLSV1_UNSUPPORTED_EXTENSION = r(1110, "tlsv1 unsupported extension");
    /** {@code SSL_R_TLSV1_CERTIFICATE_UNOBTAINABLE}: "tlsv1 certificate unobtainable". */
    public static final int TLSV1_CERTIFICATE_UNOBTAINABLE = r(1111, "tlsv1 certificate unobtainable");
    /** {@code SSL_R_TLSV1_UNRECOGNIZED_NAME}: "tlsv1 unrecognized name". */
    public static final int TLSV1_UNRECOGNIZED_NAME = r(1112, "tlsv1 unrecognized name");
    /** {@code SSL_R_TLSV1_BAD_CERTIFICATE_STATUS_RESPONSE}: "tlsv1 bad certificate status response". */
    public static final int TLSV1_BAD_CERTIFICATE_STATUS_RESPONSE = r(1113, "tlsv1 bad certificate status response");
    /** {@code SSL_R_TLSV1_BAD_CERTIFICATE_HASH_VALUE}: "tlsv1 bad certificate hash value". */
    public static final int TLSV1_BAD_CERTIFICATE_HASH_VALUE = r(1114, "tlsv1 bad certificate hash value");
    /** {@code SSL_R_TLSV1_ALERT_UNKNOWN_PSK_IDENTITY}: "tlsv1 alert unknown psk identity". */
    public static final int TLSV1_ALERT_UNKNOWN_PSK_IDENTITY = r(1115, "tlsv1 alert unknown psk identity");
    /** {@code SSL_R_TLSV13_ALERT_CERTIFICATE_REQUIRED}: "tlsv13 alert certificate required". */
    public static final int TLSV13_ALERT_CERTIFICATE_REQUIRED = r(1116, "tlsv13 alert certificate required");
    /** {@code SSL_R_TLSV1_ALERT_NO_APPLICATION_PROTOCOL}: "tlsv1 alert no application protocol". */
    public static final int TLSV1_ALERT_NO_APPLICATION_PROTOCOL = r(1120, "tlsv1 alert no application protocol");
    /** {@code ERR_R_UNSUPPORTED} (a common reason): "unsupported". Used when an engine lacks a capability. */
    public static final int UNSUPPORTED = r(0x8010C, "unsupported");
    /**
     * {@code ERR_R_PASSED_INVALID_ARGUMENT} (a common reason): "passed invalid argument", raised by
     * {@code SSL_CTX_set1_groups_list} for an unknown group name ({@code gid_cb}); shown as {@code 0A080106}.
     */
    public static final int PASSED_INVALID_ARGUMENT = r(0x80106, "passed invalid argument");
    /** {@code ERR_R_INTERNAL_ERROR} (a common reason): "internal error". Used for an engine's unexpected failure. */
    public static final int INTERNAL_ERROR = r(0xC0103, "internal error");
}
