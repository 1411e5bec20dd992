package io.fleetguard.replay;

import io.fleetguard.schema.IdentityAlert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * One or more {@link OfflineEngine}s, each owning a share of the devices. Each engine receives its
 * devices' records in event-time order, so the per-device rules give the same alerts for any number
 * of engines; the rules that correlate devices (shared credentials by fingerprint, spraying by
 * source, credential owners, broker logs naming many devices) only see everything with one engine,
 * the default. Records are processed in rounds: a round is split by device, the engines work on
 * their parts in parallel, and the round's output is put back into input order.
 */
final class EnginePool implements AutoCloseable {

    /** A decoded record and its position in replay order. */
    record Item(long seq, HistoryLine line, HistoryRecord record) {
    }

    /**
     * What one record produced; only records that produced something are reported.
     *
     * @param ocsf the OCSF findings the topology wrote for {@code alerts}, one each, in the same order
     */
    record Output(long seq, HistoryLine line, List<IdentityAlert> alerts, List<String> ocsf,
                  List<OfflineEngine.DeadLetter> deadLetters) {
    }

    private final List<OfflineEngine> engines = new ArrayList<>();
    private final ExecutorService executor;

    EnginePool(int size, IntFunction<OfflineEngine> factory) {
        try {
            for (int i = 0; i < size; i++) {
                engines.add(factory.apply(i));
            }
        } catch (RuntimeException e) {
            engines.forEach(OfflineEngine::close);
            throw e;
        }
        executor = Executors.newFixedThreadPool(size, r -> {
            Thread t = new Thread(r, "fleetguard-replay-engine");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts a round; the previous round must have been awaited (an engine serves one round at a time). */
    Round submit(List<Item> items) {
        List<List<Item>> parts = new ArrayList<>();
        engines.forEach(e -> parts.add(new ArrayList<>()));
        for (Item item : items) {
            parts.get(Math.floorMod(item.record().deviceId().hashCode(), engines.size())).add(item);
        }
        List<Future<List<Output>>> futures = new ArrayList<>();
        for (int i = 0; i < engines.size(); i++) {
            int engine = i;
            if (!parts.get(i).isEmpty()) {
                futures.add(executor.submit(() -> process(engine, parts.get(engine))));
            }
        }
        return new Round(futures);
    }

    private List<Output> process(int index, List<Item> items) {
        OfflineEngine engine = engines.get(index);
        List<Output> out = new ArrayList<>();
        for (Item item : items) {
            engine.pipe(item.record());
            List<IdentityAlert> alerts = engine.alerts();
            List<String> ocsf = engine.ocsf();
            List<OfflineEngine.DeadLetter> dead = engine.deadLetters();
            if (!alerts.isEmpty() || !ocsf.isEmpty() || !dead.isEmpty()) {
                out.add(new Output(item.seq(), item.line(), alerts, ocsf, dead));
            }
        }
        return out;
    }

    /** A round in flight. */
    static final class Round {
        private final List<Future<List<Output>>> futures;

        private Round(List<Future<List<Output>>> futures) {
            this.futures = futures;
        }

        /** Blocks until every engine is done with the round; its output in replay order. */
        List<Output> await() throws InterruptedException {
            List<Output> all = new ArrayList<>();
            RuntimeException failure = null;
            for (Future<List<Output>> f : futures) { // every one, so no engine is still busy after a failure
                try {
                    all.addAll(f.get());
                } catch (ExecutionException e) {
                    failure = failure != null ? failure : e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException("offline engine failed", e.getCause());
                }
            }
            if (failure != null) {
                throw failure;
            }
            all.sort(Comparator.comparingLong(Output::seq));
            return all;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        engines.forEach(OfflineEngine::close);
    }
}
