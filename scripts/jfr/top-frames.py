#!/usr/bin/env python3
"""Top frames (self time) of JFR execution samples of the threads whose name matches a regex.

usage: jfr print --events jdk.ExecutionSample --stack-depth 1 rec.jfr | top-frames.py THREAD_REGEX [N]
Prints N (default 15) methods with the share of the matching threads' samples in which each was on top.
"""
import collections
import re
import sys

from jfr_samples import samples

pattern = re.compile(sys.argv[1])
limit = int(sys.argv[2]) if len(sys.argv) > 2 else 15
counts = collections.Counter()
for thread, frames in samples(sys.stdin):
    if frames and thread and pattern.search(thread):
        counts[frames[0]] += 1
total = sum(counts.values())
print(f'{total} samples of threads matching {pattern.pattern!r}')
for frame, n in counts.most_common(limit):
    print(f'{100.0 * n / total:5.1f}%  {n:6d}  {frame}')
