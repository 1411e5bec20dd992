#!/usr/bin/env python3
"""Share of JFR execution samples by the innermost Kafka Streams or FleetGuard frame on the stack.

usage: jfr print --events jdk.ExecutionSample --stack-depth 80 rec.jfr | innermost.py THREAD_REGEX [N]
Each sample of a matching thread counts once, for the first frame from the top (leaf) that is
FleetGuard code or one of the Kafka Streams / client steps named below; a sample with none counts as
"other". Unlike self time (top-frames.py), JDK helpers are charged to the code that called them:
String.format inside PartitionGroup.readyToProcess counts as readyToProcess.
"""
import collections
import re
import sys

from jfr_samples import samples

pattern = re.compile(sys.argv[1])
limit = int(sys.argv[2]) if len(sys.argv) > 2 else 30
charged = re.compile(r'io\.fleetguard|PartitionGroup\.readyToProcess|PartitionGroup\.nextRecord'
                     r'|RecordDeserializer\.deserialize|RecordCollectorImpl\.send|StreamThread\.pollRequests'
                     r'|maybeCommit|MeteredVersionedKeyValueStore|MeteredKeyValueStore|KafkaProducer')
counts = collections.Counter()
total = 0
for thread, frames in samples(sys.stdin):
    if thread and pattern.search(thread):
        total += 1
        charged_frame = next((f for f in frames if charged.search(f)), None)
        counts['other' if charged_frame is None else re.sub(r'\(.*', '', charged_frame)] += 1
print(f'{total} samples of threads matching {pattern.pattern!r}')
for label, n in counts.most_common(limit):
    print(f'{100 * n / max(total, 1):5.1f}%  {label}')
