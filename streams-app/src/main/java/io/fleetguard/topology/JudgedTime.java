package io.fleetguard.topology;

import org.apache.kafka.streams.processor.TaskId;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The "now" of the processors that act on stream time behind the event-order buffer (suppression,
 * the windowed rules, support sessions): stream time minus the grace, but never past the event time
 * up to which the task's buffer has judged every activity. The buffer releases a backlog in slices
 * (so that no transaction outlives its timeout); until the last slice is out, a window must not
 * close ahead of the activities still held.
 *
 * <p>One per topology, shared by its tasks' processors and keyed by task: a processor in a task
 * without a buffer (another sub-topology, or a grace of 0) finds no entry and uses stream time
 * minus the grace, as before.
 */
final class JudgedTime {

    private final long lagMs;
    private final Map<TaskId, Long> judgedUpTo = new ConcurrentHashMap<>();

    /** @param lag how far stream time runs ahead of the activities judged (the event-order grace) */
    JudgedTime(Duration lag) {
        this.lagMs = lag.toMillis();
    }

    /** Stream time as the processors downstream of {@code task}'s buffer may act on it. */
    long now(TaskId task, long streamTime) {
        long behind = streamTime - lagMs;
        Long judged = judgedUpTo.get(task);
        return judged == null ? behind : Math.min(behind, judged);
    }

    /** Called by the buffer: every activity of {@code task} at or before {@code time} has been judged. */
    void judgedUpTo(TaskId task, long time) {
        judgedUpTo.put(task, time);
    }

    /** The task's buffer is closed (moved, or the instance stops): its processors use stream time again. */
    void forget(TaskId task) {
        judgedUpTo.remove(task);
    }
}
