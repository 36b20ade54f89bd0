package org.libssl4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.libssl4j.it.Fixtures.TLS12;
import static org.libssl4j.it.Fixtures.TLS13;
import static org.libssl4j.it.Fixtures.assertReason;
import static org.libssl4j.it.Fixtures.assertResult;

import org.junit.jupiter.api.DisplayName;
import org.libssl4j.Capability;
import org.libssl4j.Ssl;
import org.libssl4j.SslError;
import org.libssl4j.SslErrorEntry;
import org.libssl4j.SslErrorQueue;
import org.libssl4j.SslReason;
import org.libssl4j.testkit.FaultBio.RecordFilter;
import org.libssl4j.testkit.FaultBio;
import org.libssl4j.testkit.TestPair;
import org.libssl4j.testkit.junit.TestEngines;

/** Records changed on the wire, received fatal alerts, and the failed states after them (R09). */
class CorruptionTest {

    /** A connected pair whose client sends one application record through {@code fault}, configured by the caller. */
    private static TestPair sendThrough(String engine, int version, java.util.function.Consumer<FaultBio> fault) {
        TestPair p = Fixtures.connected(engine, version, 0);
        FaultBio bio = new FaultBio(p.clientBio());
        fault.accept(bio);
        p.client().setWbio(bio);
        byte[] data = Fixtures.bytes(200, 40);
        assertThat(p.client().write(data, 0, data.length)).isEqualTo(200);
        assertThat(bio.faultApplied()).as("fault applied").isTrue();
        return p;
    }

    @EngineVersionTest
    @DisplayName("R09.1 a changed ciphertext or tag fails the read with decryption failed or bad record mac and sends bad_record_mac")
    void badMac(String engine, int version) {
        for (int offset : new int[] {20, 5 + 200}) { // a ciphertext byte, then a tag byte
            SslErrorQueue.clear();
            try (TestPair p = sendThrough(engine, version, f -> f.flipByte(RecordFilter.applicationData(0), offset))) {
                assertResult(p.server(), p.server().read(new byte[300], 0, 300), -1, SslError.SSL);
                assertThat(SslErrorQueue.snapshot()).extracting(SslErrorEntry::reason)
                        .contains(SslReason.DECRYPTION_FAILED_OR_BAD_RECORD_MAC);
                assertThat(SslErrorQueue.peekLast().reasonString()).isEqualTo("decryption failed or bad record mac");
                assertThat(p.server().isInitFinished()).isFalse();
                SslErrorQueue.clear();
                // The alert reaches the client: R09.3.
                assertResult(p.client(), p.client().read(new byte[10], 0, 10), 0, SslError.SSL);
                SslErrorEntry e = assertReason(SslReason.SSLV3_ALERT_BAD_RECORD_MAC, "sslv3 alert bad record mac");
                assertThat(e.detail()).isEqualTo("SSL alert number 20");
            }
        }
    }

    @EngineTest
    @DisplayName("R09.3 a received fatal alert makes read return 0 with SSL, reason sslv3/tlsv1 alert and data SSL alert number N; RECEIVED_SHUTDOWN is set")
    void receivedFatalAlert(String engine) {
        try (TestPair p = sendThrough(engine, TLS13, f -> f.flipByte(RecordFilter.applicationData(0), 30))) {
            p.server().read(new byte[300], 0, 300);
            SslErrorQueue.clear();
            assertResult(p.client(), p.client().read(new byte[10], 0, 10), 0, SslError.SSL);
            SslErrorEntry e = assertReason(SslReason.SSLV3_ALERT_BAD_RECORD_MAC, "sslv3 alert bad record mac");
            assertThat(e.reason()).isEqualTo(1000 + 20);
            assertThat(e.detail()).isEqualTo("SSL alert number 20");
            assertThat(p.client().getShutdown() & Ssl.RECEIVED_SHUTDOWN).isEqualTo(Ssl.RECEIVED_SHUTDOWN);
        }
    }

    @EngineTest
    @DisplayName("R09.4 after receiving a fatal alert that side's write returns -1 with ZERO_RETURN")
    void writeAfterReceivedAlert(String engine) {
        try (TestPair p = sendThrough(engine, TLS13, f -> f.flipByte(RecordFilter.applicationData(0), 30))) {
            p.server().read(new byte[300], 0, 300);
            p.client().read(new byte[10], 0, 10);
            SslErrorQueue.clear();
            assertResult(p.client(), p.client().write(new byte[10], 0, 10), -1, SslError.ZERO_RETURN);
        }
    }

    @EngineVersionTest
    @DisplayName("R09.5 a changed record type fails TLS 1.3 with bad record type and TLS 1.2 with the MAC error")
    void changedType(String engine, int version) {
        try (TestPair p = sendThrough(engine, version, f -> f.setType(RecordFilter.applicationData(0), 22))) {
            assertResult(p.server(), p.server().read(new byte[300], 0, 300), -1, SslError.SSL);
            if (version == TLS13) {
                assertReason(SslReason.BAD_RECORD_TYPE, "bad record type");
            } else {
                assertThat(SslErrorQueue.snapshot()).extracting(SslErrorEntry::reason).contains(SslReason.DECRYPTION_FAILED_OR_BAD_RECORD_MAC);
            }
        }
    }

    @EngineTest
    @DisplayName("R09.11 TLS 1.2: a record of an unknown content type (0x63) after the handshake fails with decryption failed or bad record mac and sends bad_record_mac")
    void unknownContentType(String engine) {
        try (TestPair p = sendThrough(engine, TLS12, f -> f.setType(RecordFilter.applicationData(0), 0x63))) {
            assertResult(p.server(), p.server().read(new byte[300], 0, 300), -1, SslError.SSL);
            assertThat(SslErrorQueue.peekLast().reason()).isEqualTo(SslReason.DECRYPTION_FAILED_OR_BAD_RECORD_MAC);
            SslErrorQueue.clear();
            assertResult(p.client(), p.client().read(new byte[10], 0, 10), 0, SslError.SSL);
            assertThat(assertReason(SslReason.SSLV3_ALERT_BAD_RECORD_MAC, "sslv3 alert bad record mac").detail())
                    .isEqualTo("SSL alert number 20");
        }
    }

    @EngineVersionTest
    @DisplayName("R09.6 a changed record version fails with wrong version number")
    void changedVersion(String engine, int version) {
        for (int wire : new int[] {0x0302, 0x0403}) {
            SslErrorQueue.clear();
            try (TestPair p = sendThrough(engine, version, f -> f.setVersion(RecordFilter.applicationData(0), wire))) {
                assertResult(p.server(), p.server().read(new byte[300], 0, 300), -1, SslError.SSL);
                assertReason(SslReason.WRONG_VERSION_NUMBER, "wrong version number");
            }
        }
    }

    @EngineVersionTest
    @DisplayName("R09.6 R09.12 the alert for a changed record version is protocol_version for TLS 1.2 and for a major change")
    void changedVersionAlert(String engine, int version) {
        TestEngines.assumeCapability(engine, Capability.ALERT_PROTOCOL_VERSION);
        assertAlertSent(engine, version, f -> f.setVersion(RecordFilter.applicationData(0), version == TLS13 ? 0x0403 : 0x0302),
                SslReason.TLSV1_ALERT_PROTOCOL_VERSION, "tlsv1 alert protocol version");
    }

    @EngineTest
    @DisplayName("R09.6 R09.12 the alert for a TLS 1.3 record whose minor version changed is decode_error")
    void changedMinorVersionAlert(String engine) {
        TestEngines.assumeCapability(engine, Capability.ALERT_DECODE_ERROR);
        assertAlertSent(engine, TLS13, f -> f.setVersion(RecordFilter.applicationData(0), 0x0302),
                SslReason.TLSV1_ALERT_DECODE_ERROR, "tlsv1 alert decode error");
    }

    @EngineTest
    @DisplayName("R09.5 R09.12 the alert for a TLS 1.3 record of another outer type is unexpected_message")
    void changedTypeAlert(String engine) {
        TestEngines.assumeCapability(engine, Capability.ALERT_UNEXPECTED_MESSAGE);
        assertAlertSent(engine, TLS13, f -> f.setType(RecordFilter.applicationData(0), 22),
                SslReason.SSLV3_ALERT_UNEXPECTED_MESSAGE, "sslv3 alert unexpected message");
    }

    /**
     * The server fails to read the record {@code fault} changed; its peer then reads libssl's alert and, as libssl's
     * peer, gets ZERO_RETURN from its next write (R09.4): it learns that the connection failed.
     */
    private static void assertAlertSent(String engine, int version, java.util.function.Consumer<FaultBio> fault, int reason,
            String reasonString) {
        try (TestPair p = sendThrough(engine, version, fault)) {
            assertResult(p.server(), p.server().read(new byte[300], 0, 300), -1, SslError.SSL);
            SslErrorQueue.clear();
            assertResult(p.client(), p.client().read(new byte[10], 0, 10), 0, SslError.SSL);
            assertReason(reason, reasonString);
            SslErrorQueue.clear();
            assertResult(p.client(), p.client().write(new byte[10], 0, 10), -1, SslError.ZERO_RETURN);
        }
    }

    @EngineTest
    @DisplayName("R09.12 an engine that cannot send libssl's alert for a record-layer error sends none, never another")
    void noOtherAlert(String engine) {
        java.util.Set<Capability> caps = org.libssl4j.Engines.get(engine).capabilities();
        record Case(Capability needs, int version, java.util.function.Consumer<FaultBio> fault) { }
        Case[] cases = {
            new Case(Capability.ALERT_UNEXPECTED_MESSAGE, TLS13, f -> f.setType(RecordFilter.applicationData(0), 22)),
            new Case(Capability.ALERT_RECORD_OVERFLOW, TLS13, f -> f.setLength(RecordFilter.applicationData(0), 0xFFFF)),
            new Case(Capability.ALERT_DECODE_ERROR, TLS13, f -> f.setVersion(RecordFilter.applicationData(0), 0x0302)),
            new Case(Capability.ALERT_PROTOCOL_VERSION, TLS12, f -> f.setVersion(RecordFilter.applicationData(0), 0x0302)),
        };
        int checked = 0;
        for (Case c : cases) {
            if (caps.contains(c.needs())) {
                continue;
            }
            checked++;
            SslErrorQueue.clear();
            try (TestPair p = sendThrough(engine, c.version(), c.fault())) {
                assertResult(p.server(), p.server().read(new byte[300], 0, 300), -1, SslError.SSL);
                SslErrorQueue.clear();
                assertThat(p.client().read(new byte[10], 0, 10)).as("without %s", c.needs()).isEqualTo(-1);
                assertThat(p.client().getError(-1)).as("without %s", c.needs()).isEqualTo(SslError.WANT_READ);
            }
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(checked > 0, "the engine sends every one of these alerts");
    }

    @EngineTest
    @DisplayName("R09.7 a record length over the maximum fails with packet length too long")
    void overlongRecord(String engine) {
        try (TestPair p = sendThrough(engine, TLS13, f -> f.setLength(RecordFilter.applicationData(0), 0xFFFF))) {
            assertResult(p.server(), p.server().read(new byte[300], 0, 300), -1, SslError.SSL);
            assertReason(SslReason.PACKET_LENGTH_TOO_LONG, "packet length too long");
        }
    }

    @EngineTest
    @DisplayName("R09.7 R09.12 the alert for an overlong record is record_overflow")
    void overlongRecordAlert(String engine) {
        TestEngines.assumeCapability(engine, Capability.ALERT_RECORD_OVERFLOW);
        assertAlertSent(engine, TLS13, f -> f.setLength(RecordFilter.applicationData(0), 0xFFFF),
                SslReason.TLSV1_ALERT_RECORD_OVERFLOW, "tlsv1 alert record overflow");
    }

    @EngineTest
    @DisplayName("R09.8 a length one too short fails the MAC; one too long makes the reader wait without failing")
    void lengthOffByOne(String engine) {
        try (TestPair p = Fixtures.connected(engine)) {
            Fixtures.Wire w = Fixtures.wireByHand(p);
            p.client().write(new byte[200], 0, 200);
            byte[] record = w.out().drain();
            int len = ((record[3] & 0xFF) << 8 | (record[4] & 0xFF)) - 1; // the record's own length, less one
            record[3] = (byte) (len >> 8);
            record[4] = (byte) len;
            w.in().write(record, 0, record.length);
            assertResult(p.server(), p.server().read(new byte[300], 0, 300), -1, SslError.SSL);
            assertThat(SslErrorQueue.snapshot()).extracting(SslErrorEntry::reason).contains(SslReason.DECRYPTION_FAILED_OR_BAD_RECORD_MAC);
        }
        SslErrorQueue.clear();
        try (TestPair p = Fixtures.connected(engine)) {
            Fixtures.Wire w = Fixtures.wireByHand(p);
            p.client().write(new byte[200], 0, 200);
            byte[] record = w.out().drain();
            int len = ((record[3] & 0xFF) << 8 | (record[4] & 0xFF)) + 1;
            record[3] = (byte) (len >> 8);
            record[4] = (byte) len;
            w.in().write(record, 0, record.length);
            assertResult(p.server(), p.server().read(new byte[300], 0, 300), -1, SslError.WANT_READ);
            assertThat(p.server().hasPending()).isTrue();
            assertThat(p.server().isInitFinished()).isTrue();
            byte[] reply = Fixtures.ascii("can still write");
            assertThat(p.server().write(reply, 0, reply.length)).isEqualTo(reply.length);
        }
    }

    @EngineTest
    @DisplayName("R09.9 after a local fatal error read and write return -1 with SYSCALL")
    void afterLocalFatal(String engine) {
        try (TestPair p = sendThrough(engine, TLS13, f -> f.flipByte(RecordFilter.applicationData(0), 30))) {
            p.server().read(new byte[300], 0, 300);
            SslErrorQueue.clear();
            assertResult(p.server(), p.server().read(new byte[300], 0, 300), -1, SslError.SYSCALL);
            assertResult(p.server(), p.server().write(new byte[3], 0, 3), -1, SslError.SYSCALL);
            assertThat(SslErrorQueue.isEmpty()).isTrue();
        }
    }

    @EngineTest
    @DisplayName("R09.7 any length past libssl's read buffer (16709 up) is packet length too long, judged on the header, which is consumed")
    void packetLengthOnTheHeader(String engine) {
        for (int length : new int[] {16709, 18432, 0xFFFF}) {
            SslErrorQueue.clear();
            try (TestPair p = Fixtures.connected(engine)) {
                Fixtures.Wire w = Fixtures.wireByHand(p);
                p.client().write(new byte[100], 0, 100);
                byte[] record = w.out().drain();
                record[3] = (byte) (length >> 8);
                record[4] = (byte) length;
                w.in().write(record, 0, 5); // the header alone
                assertResult(p.server(), p.server().read(new byte[300], 0, 300), -1, SslError.SSL);
                assertReason(SslReason.PACKET_LENGTH_TOO_LONG, "packet length too long");
                assertThat(p.server().hasPending()).as("header consumed").isFalse();
            }
        }
    }

    @EngineVersionTest
    @DisplayName("R09.7 a protected record longer than TLS allows (TLS 1.3: 16640, TLS 1.2: 16704) is encrypted length too long")
    void encryptedLengthTooLong(String engine, int version) {
        int length = version == TLS13 ? 16641 : 16705;
        try (TestPair p = Fixtures.connected(engine, version, 0)) {
            Fixtures.Wire w = Fixtures.wireByHand(p);
            p.client().write(new byte[100], 0, 100);
            byte[] record = w.out().drain();
            record[3] = (byte) (length >> 8);
            record[4] = (byte) length;
            w.in().write(record, 0, 5);
            assertResult(p.server(), p.server().read(new byte[300], 0, 300), -1, SslError.SSL);
            assertReason(SslReason.ENCRYPTED_LENGTH_TOO_LONG, "encrypted length too long");
        }
    }

    @EngineVersionTest
    @DisplayName("R09.1 a dropped or replayed record breaks the sequence: the next record fails with decryption failed or bad record mac")
    void droppedOrDuplicated(String engine, int version) {
        for (boolean drop : new boolean[] {true, false}) {
            SslErrorQueue.clear();
            try (TestPair p = Fixtures.connected(engine, version, 0)) {
                FaultBio bio = new FaultBio(p.clientBio());
                if (drop) {
                    bio.drop(RecordFilter.applicationData(0));
                } else {
                    bio.duplicate(RecordFilter.applicationData(0));
                }
                p.client().setWbio(bio);
                p.client().write(Fixtures.bytes(100, 41), 0, 100);
                p.client().write(Fixtures.bytes(100, 42), 0, 100);
                byte[] buf = new byte[300];
                int first = p.server().read(buf, 0, buf.length);
                if (!drop) {
                    assertThat(first).as("the original record").isEqualTo(100);
                    first = p.server().read(buf, 0, buf.length);
                }
                assertResult(p.server(), first, -1, SslError.SSL);
                assertThat(SslErrorQueue.snapshot()).extracting(SslErrorEntry::reason).as(drop ? "dropped" : "replayed")
                        .contains(SslReason.DECRYPTION_FAILED_OR_BAD_RECORD_MAC);
            }
        }
    }

    @EngineTest
    @DisplayName("R08.1 a stream cut inside a record leaves the reader waiting on the half record, then unexpected eof at the end")
    void truncatedStream(String engine) {
        try (TestPair p = Fixtures.connected(engine)) {
            FaultBio bio = new FaultBio(p.clientBio());
            bio.truncate(RecordFilter.applicationData(0), 50);
            p.client().setWbio(bio);
            assertThat(p.client().write(new byte[200], 0, 200)).isEqualTo(200);
            assertResult(p.server(), p.server().read(new byte[300], 0, 300), -1, SslError.WANT_READ);
            assertThat(p.server().hasPending()).isTrue();
            p.clientBio().shutdownWr(); // the transport ends
            assertResult(p.server(), p.server().read(new byte[300], 0, 300), 0, SslError.SSL);
            assertReason(SslReason.UNEXPECTED_EOF_WHILE_READING, "unexpected eof while reading");
        }
    }
}
