#!/usr/bin/env python3
"""libssl's answers to the hostile hellos of HostileHelloGeneratorTest (it-tests README, "Hostile hellos").

Reads the test's output run with -Dlibssl4j.hellos.verbose=true (lines "hello<TAB>engine side [version]<TAB>index
<TAB>category<TAB>reason<TAB>alert<TAB>detail<TAB>record hex"), hands each ClientHello record to a libssl server and
each ServerHello record to a libssl client that has sent its ClientHello (its session_id echoed where the record
echoed one, as the test does), through Python's ssl module over MemoryBIO (the OpenSSL it was built with, 3.0.19
here), and prints libssl's reason and alert by side and category, then for each engine and side how many of its
answers have libssl's alert and reason. A ServerHello's key share was made for another client, so libssl's client
fails at the encrypted flight at the earliest: a ServerHello it takes is "accepted".

    python3 libssl_hellos.py surefire-output.txt cert.pem key.pem
"""
import collections
import ssl
import sys


def answer(ctx, record):
    """libssl's server's reason (lower case, as SslReason words it) and the first plaintext alert it wrote, or -1."""
    incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
    server = ctx.wrap_bio(incoming, outgoing, server_side=True)
    incoming.write(record)
    return finish(server, outgoing)


def client_answer(record, version):
    """libssl's client's reason and alert for the ServerHello {record}, after its own ClientHello."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.maximum_version = ssl.TLSVersion.TLSv1_3 if version == "TLSv1.3" else ssl.TLSVersion.TLSv1_2
    incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
    client = ctx.wrap_bio(incoming, outgoing, server_hostname="localhost")
    try:
        client.do_handshake()
    except ssl.SSLWantReadError:
        pass
    hello = outgoing.read()
    record = bytearray(record)
    sid = 5 + 4 + 34
    if version == "TLSv1.3" and len(hello) > sid and len(record) > sid and record[sid] == hello[sid]:
        for i in range(1, hello[sid] + 1):
            if sid + i < len(record):
                record[sid + i] = hello[sid + i]
    incoming.write(bytes(record))
    return finish(client, outgoing)


def finish(conn, outgoing):
    try:
        conn.do_handshake()
        reason = "accepted"
    except ssl.SSLWantReadError:
        reason = "accepted"
    except ssl.SSLError as e:
        reason = (e.reason or str(e)).lower().replace("_", " ")
    out = outgoing.read()
    p = 0
    while p + 5 <= len(out):
        n = out[p + 3] << 8 | out[p + 4]
        if out[p] == 21 and n == 2:
            return reason, out[p + 6]
        p += 5 + n
    return reason, -1


def main(log, cert, key):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    libssl = {}
    by_category = collections.defaultdict(collections.Counter)
    by_engine = collections.defaultdict(collections.Counter)
    for line in open(log):
        f = line.rstrip("\n").split("\t")
        if not f[0].endswith("hello") or len(f) < 8:
            continue
        engine, category, reason, alert, record = f[1], f[3], f[4], int(f[5]), f[7]
        words = engine.split(" ")
        side = words[1]
        key = (side, words[2] if len(words) > 2 else "", record)
        if key not in libssl:
            if side == "server":
                libssl[key] = answer(ctx, bytes.fromhex(record))
            else:
                libssl[key] = client_answer(bytes.fromhex(record), key[1])
            by_category[side + " " + category][libssl[key]] += 1
        lr, la = libssl[key]
        by_engine[engine][(category, "alert " + ("=" if la == alert else "!="), "reason " + ("=" if lr == reason else "!="))] += 1
    for category, c in sorted(by_category.items()):
        print("libssl", category, dict(c.most_common(8)))
    for engine, c in sorted(by_engine.items()):
        print(engine)
        for k, v in sorted(c.items()):
            print("   ", k, v)


if __name__ == "__main__":
    main(*sys.argv[1:4])
