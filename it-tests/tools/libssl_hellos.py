#!/usr/bin/env python3
"""libssl's answers to the hostile ClientHellos of HostileHelloGeneratorTest (it-tests README, "Hostile hellos").

Reads the test's output run with -Dlibssl4j.hellos.verbose=true (lines "hello<TAB>engine side<TAB>index<TAB>category
<TAB>reason<TAB>alert<TAB>detail<TAB>record hex"), hands each ClientHello record to a libssl server (Python's ssl
module over MemoryBIO: the OpenSSL it was built with, 3.0.19 here), and prints libssl's reason and alert by
category, then for each engine how many of its answers have libssl's alert and reason.

    python3 libssl_hellos.py surefire-output.txt cert.pem key.pem
"""
import collections
import ssl
import sys


def answer(ctx, record):
    """libssl's reason (lower case, as SslReason words it) and the first plaintext alert it wrote, or -1."""
    incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
    server = ctx.wrap_bio(incoming, outgoing, server_side=True)
    incoming.write(record)
    try:
        server.do_handshake()
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
        if f[0] != "hello" or not f[1].endswith(" server"):
            continue
        engine, category, reason, alert, record = f[1], f[3], f[4], int(f[5]), f[7]
        if record not in libssl:
            libssl[record] = answer(ctx, bytes.fromhex(record))
            by_category[category][libssl[record]] += 1
        lr, la = libssl[record]
        by_engine[engine][(category, "alert " + ("=" if la == alert else "!="), "reason " + ("=" if lr == reason else "!="))] += 1
    for category, c in sorted(by_category.items()):
        print("libssl", category, dict(c.most_common(8)))
    for engine, c in sorted(by_engine.items()):
        print(engine)
        for k, v in sorted(c.items()):
            print("   ", k, v)


if __name__ == "__main__":
    main(*sys.argv[1:4])
