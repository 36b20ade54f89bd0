#!/bin/sh
# Makes the key files of KeyFilesTest (KEY-6..KEY-8) with the openssl CLI (3.0). Run in this directory; the password is "secret".
set -e
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa-pkcs8.pem
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ec-pkcs8.pem
openssl req -new -x509 -key rsa-pkcs8.pem -subj /CN=libssl4j-rsa -days 36500 -out rsa-cert.pem
openssl req -new -x509 -key ec-pkcs8.pem -subj /CN=libssl4j-ec -days 36500 -out ec-cert.pem
openssl rsa -in rsa-pkcs8.pem -traditional -out rsa-trad.pem
openssl rsa -in rsa-pkcs8.pem -traditional -aes256 -passout pass:secret -out rsa-trad-aes256.pem
openssl rsa -in rsa-pkcs8.pem -traditional -des3 -passout pass:secret -out rsa-trad-des3.pem
openssl rsa -in rsa-pkcs8.pem -traditional -outform DER -out rsa-trad.der
openssl ec -in ec-pkcs8.pem -out ec-trad.pem
openssl ec -in ec-pkcs8.pem -aes128 -passout pass:secret -out ec-trad-aes128.pem
openssl ec -in ec-pkcs8.pem -outform DER -out ec-trad.der
openssl pkcs8 -topk8 -in rsa-pkcs8.pem -v2 aes-256-cbc -passout pass:secret -out rsa-pkcs8-enc.pem
openssl pkcs8 -topk8 -in ec-pkcs8.pem -v2 aes-256-cbc -passout pass:secret -outform DER -out ec-pkcs8-enc.der
openssl pkcs8 -topk8 -in rsa-pkcs8.pem -nocrypt -outform DER -out rsa-pkcs8.der
