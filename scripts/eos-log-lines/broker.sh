#!/bin/bash
# usage: CP_FILE=<classpath file> broker.sh VERSION PORT
# Runs a single-node KRaft broker+controller of that Kafka version in its own JVM, in the foreground,
# with the same single-node settings as the embedded broker (streams-app/.../embedded/BrokerSettings.java).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd); v=$1; port=$2; cport=$((port + 1)); dir=$(mktemp -d /tmp/eos-broker-$v-XXXX)
cat > "$dir/server.properties" <<P
process.roles=broker,controller
node.id=1
controller.listener.names=CONTROLLER
controller.quorum.bootstrap.servers=127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/logs
offsets.topic.replication.factor=1
offsets.topic.num.partitions=4
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=4
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.cleaner.dedupe.buffer.size=2097152
auto.create.topics.enable=false
P
cp=$(cat "$CP_FILE")
java -cp "$cp" -Dlogback.configurationFile="$HERE/logback.xml" kafka.tools.StorageTool format \
    -t AAAAAAAAAAAAAAAAAAAAAA -c "$dir/server.properties" --standalone > /dev/null 2>&1
exec java -Xmx512m -cp "$cp" -Dlogback.configurationFile="$HERE/logback.xml" kafka.Kafka "$dir/server.properties"
