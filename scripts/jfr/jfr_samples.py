"""Reads the text of `jfr print --events jdk.ExecutionSample`: one (thread name, frames) per sample.

Frames come top (leaf) first, without their line numbers; a sample whose thread name cannot be read
has the whole line as its name. Shared by top-frames.py and innermost.py.
"""
import re

_THREAD = re.compile(r'sampledThread = "(.*)" \(')
_LINE = re.compile(r'\s+line: \d+.*$')


def samples(lines):
    thread, frames = None, None
    for line in lines:
        s = line.strip()
        if s.startswith('sampledThread = '):
            m = _THREAD.match(s)
            thread = m.group(1) if m else s
        elif s.startswith('stackTrace = ['):
            frames = []
        elif frames is not None and s in (']', '...'):
            yield thread, frames
            frames = None
        elif frames is not None:
            frames.append(_LINE.sub('', s))
