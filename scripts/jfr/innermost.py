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

pattern = re.compile(sys.argv[1])
limit = int(sys.argv[2]) if len(sys.argv) > 2 else 30
charged = re.compile(r'io\.fleetguard|PartitionGroup\.readyToProcess|PartitionGroup\.nextRecord'
                     r'|RecordDeserializer\.deserialize|RecordCollectorImpl\.send|StreamThread\.pollRequests'
                     r'|maybeCommit|MeteredVersionedKeyValueStore|MeteredKeyValueStore|KafkaProducer')
counts = collections.Counter()
total = 0
thread, in_stack, frames = None, False, []
for line in sys.stdin:
    s = line.strip()
    if s.startswith('sampledThread = '):
        m = re.match(r'sampledThread = "(.*)" \(', s)
        thread = m.group(1) if m else s
    elif s.startswith('stackTrace = ['):
        in_stack, frames = True, []
    elif in_stack and s in (']', '...'):
        in_stack = False
        if thread and pattern.search(thread):
            total += 1
            label = 'other'
            for f in frames:
                name = re.sub(r'\s+line: \d+.*$', '', f)
                if charged.search(name):
                    label = re.sub(r'\(.*', '', name)
                    break
            counts[label] += 1
    elif in_stack:
        frames.append(s)
print(f'{total} samples of threads matching {pattern.pattern!r}')
for label, n in counts.most_common(limit):
    print(f'{100 * n / max(total, 1):5.1f}%  {label}')
