#!/bin/sh
# Alternate base and main on one incremental update: dev/alt.sh BASE_DIR DB RUNS
# (BASE_DIR: a checkout of the base commit; its code is imported through PYTHONPATH)
base=${1:?}; db=${2:?}; runs=${3:-3}
for i in $(seq "$runs"); do
  for who in base main; do
    if [ "$who" = base ]; then p=$base; else p=$(pwd); fi
    printf '%s ' "$who"; PYTHONPATH=$p NODIGEST=1 .venv/bin/python dev/upd.py "$db" /tmp/alt-$who.db 2>&1 | grep '^update'
  done
done
