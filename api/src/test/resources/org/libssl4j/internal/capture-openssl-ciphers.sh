#!/bin/sh
# Writes openssl-ciphers-v.txt: for each cipher string of cipher-strings.txt, what `openssl ciphers -v` prints
# ("> STRING", then its lines; "! ERROR" when openssl refuses the string). CipherStringsTest compares the
# resolver with it, so the api tests need no openssl. Run from this directory:  sh capture-openssl-ciphers.sh
set -e
out=openssl-ciphers-v.txt
{
  echo "# $(openssl version)"
  grep -v '^#' cipher-strings.txt | grep -v '^$' | while IFS= read -r s; do
    echo "> $s"
    case "$s" in
      "-s "*) set -- -s -v -- "${s#-s }" ;;
      *) set -- -v -- "$s" ;;
    esac
    if r=$(openssl ciphers "$@" 2>/dev/null); then printf '%s\n' "$r" | sed 's/ *$//'; else echo "! ERROR"; fi
  done
} > "$out"
