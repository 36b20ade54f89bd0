package org.libssl4j.it.openssl;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The safety net behind try-with-resources: after each test, any {@link OpenSslProcess} still open is destroyed,
 * and the test fails for having left it (a test must close what it starts).
 */
final class ReapOpenSsl implements AfterEachCallback {
    @Override
    public void afterEach(ExtensionContext context) {
        List<OpenSslProcess> left = new ArrayList<>(OpenSslProcess.LIVE);
        if (left.isEmpty()) {
            return;
        }
        StringBuilder what = new StringBuilder();
        for (OpenSslProcess p : left) {
            what.append(p.describe());
            p.close();
        }
        throw new AssertionError(context.getDisplayName() + " left " + left.size() + " openssl process(es) open; destroyed now:" + what);
    }
}
