#!/usr/bin/env python3
"""Top frames (self time) of JFR execution samples of the threads whose name matches a regex.

usage: jfr print --events jdk.ExecutionSample --stack-depth 1 rec.jfr | top-frames.py THREAD_REGEX [N]
Prints N (default 15) methods with the share of the matching threads' samples in which each was on top.
"""
import collections
import re
import sys

pattern = re.compile(sys.argv[1])
limit = int(sys.argv[2]) if len(sys.argv) > 2 else 15
counts = collections.Counter()
thread, in_stack, taken = None, False, False
for line in sys.stdin:
    s = line.strip()
    if s.startswith('sampledThread = '):
        m = re.match(r'sampledThread = "(.*)" \(', s)
        thread = m.group(1) if m else s
    elif s.startswith('stackTrace = ['):
        in_stack, taken = True, False
    elif in_stack and s in (']', '...'):
        in_stack = False
    elif in_stack and not taken:
        taken = True
        if thread and pattern.search(thread):
            counts[re.sub(r'\s+line: \d+.*$', '', s)] += 1
total = sum(counts.values())
print(f'{total} samples of threads matching {pattern.pattern!r}')
for frame, n in counts.most_common(limit):
    print(f'{100.0 * n / total:5.1f}%  {n:6d}  {frame}')
