package org.libssl4j.engine.jsse;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;

/**
 * A certificate check that failed in libssl4j's trust manager, with OpenSSL's verify error
 * ({@code X509_V_ERR_*} number and text) so every engine reports it alike.
 */
public final class VerifyFailure extends CertificateException {
    private static final long serialVersionUID = 1L;

    /** {@code X509_V_ERR_CERT_HAS_EXPIRED}. */
    public static final int CERT_HAS_EXPIRED = 10;
    /** {@code X509_V_ERR_CERT_NOT_YET_VALID}. */
    public static final int CERT_NOT_YET_VALID = 9;
    /** {@code X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY}. */
    public static final int UNABLE_TO_GET_ISSUER_CERT_LOCALLY = 20;
    /** {@code X509_V_ERR_CERT_CHAIN_TOO_LONG}: more intermediates than the verify depth allows. */
    public static final int CERT_CHAIN_TOO_LONG = 22;
    /** {@code X509_V_ERR_HOSTNAME_MISMATCH}. */
    public static final int HOSTNAME_MISMATCH = 62;
    /** {@code X509_V_ERR_APPLICATION_VERIFICATION}: the verify callback said no. */
    public static final int APPLICATION_VERIFICATION = 50;
    /** {@code X509_V_ERR_UNSPECIFIED}. */
    public static final int UNSPECIFIED = 1;

    private final int verifyError;

    /**
     * A failure with OpenSSL's verify error number and text. The direct cause is a
     * {@link CertPathValidatorException} whose reason JSSE providers read to choose the alert they send (SunJSSE's
     * {@code CertificateMessage.getCertificateAlert}): certificate_expired for an expired certificate,
     * bad_certificate for a name mismatch, as libssl sends; {@code underlying}, if any, is kept as its cause.
     */
    public VerifyFailure(int verifyError, String text, Throwable underlying) {
        super(text, new CertPathValidatorException(text, underlying, null, -1, reasonFor(verifyError)));
        this.verifyError = verifyError;
    }

    private static CertPathValidatorException.Reason reasonFor(int verifyError) {
        switch (verifyError) {
            case CERT_HAS_EXPIRED:
                return CertPathValidatorException.BasicReason.EXPIRED;
            case CERT_NOT_YET_VALID:
                return CertPathValidatorException.BasicReason.NOT_YET_VALID;
            case HOSTNAME_MISMATCH:
                return CertPathValidatorException.BasicReason.INVALID_SIGNATURE; // read as bad_certificate
            case UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
                return java.security.cert.PKIXReason.NO_TRUST_ANCHOR;
            default:
                return CertPathValidatorException.BasicReason.UNSPECIFIED;
        }
    }

    /** The {@code X509_V_ERR_*} number. */
    public int verifyError() {
        return verifyError;
    }

    /** OpenSSL's detail text for the error queue: {@code verify error:num=10:certificate has expired}. */
    public String detail() {
        return "verify error:num=" + verifyError + ":" + getMessage();
    }
}
