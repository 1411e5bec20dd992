#!/bin/bash
# Reproduces the producer WARN CONCURRENT_TRANSACTIONS / broker ERROR "Expected sequence 0 for transactions v2
# idempotent producer with no existing state" without Kafka Streams or FleetGuard: a plain transactional producer
# (24 partitions per transaction, sendOffsetsToTransaction, 50 transactions back to back) against a single-node
# KRaft broker in its own JVM, then a read_committed check for lost or duplicated records.
# usage: scripts/eos-log-lines/repro.sh [KAFKA_VERSION ...]   (default: 4.3.1 4.3.2 4.4.0)
set -u
HERE=$(cd "$(dirname "$0")" && pwd); OUT=$(mktemp -d /tmp/eos-log-lines-XXXX); port=19092
versions=("$@"); [ ${#versions[@]} -eq 0 ] && versions=(4.3.1 4.3.2 4.4.0)
for w in "${versions[@]}"; do
  (cd "$HERE" && mvn -B -q dependency:build-classpath -Dkafka.version=$w -Dmdep.outputFile=$OUT/cp-$w.txt) || exit 1
  CP_FILE=$OUT/cp-$w.txt "$HERE/broker.sh" $w $port > $OUT/broker-$w.log 2>&1 & broker=$!
  for i in $(seq 90); do grep -q 'Kafka Server started' $OUT/broker-$w.log && break; sleep 1; done
  java -cp "$(cat $OUT/cp-$w.txt)" -Dlogback.configurationFile="$HERE/logback.xml" "$HERE/Repro.java" \
      127.0.0.1:$port 24 50 2000 5 offsets > $OUT/producer-$w.log 2>&1
  kill $broker; wait $broker 2>/dev/null
  echo "Kafka $w: $(grep '^REPRO read' $OUT/producer-$w.log)"
  echo "  producer WARN CONCURRENT_TRANSACTIONS: $(grep -c CONCURRENT_TRANSACTIONS $OUT/producer-$w.log)," \
       "OUT_OF_ORDER_SEQUENCE_NUMBER (retrying): $(grep -c OUT_OF_ORDER_SEQUENCE $OUT/producer-$w.log);" \
       "broker ERROR 'Expected sequence 0 ...': $(grep -c 'Expected sequence 0 for transactions v2' $OUT/broker-$w.log)"
done
echo "logs in $OUT"
