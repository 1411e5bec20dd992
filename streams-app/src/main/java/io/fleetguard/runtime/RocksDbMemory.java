package io.fleetguard.runtime;

import io.fleetguard.config.FleetGuardConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * The off-heap memory budget of one FleetGuard instance: a single LRU block cache that every RocksDB
 * store shares, and a single write buffer manager that charges all memtables to that cache, so the
 * total stays near {@code rocksdb.memory.bytes} however many stores, partitions and segments exist.
 * Owned by {@link FleetGuardApp}: created with it, closed only after every store is closed.
 */
public final class RocksDbMemory implements AutoCloseable {

    /** Share of the cache reserved for index and filter blocks (high priority), so scans of data cannot evict them. */
    static final double INDEX_FILTER_SHARE = 0.1;

    private final long capacityBytes;
    private final Cache cache;
    private final WriteBufferManager writeBufferManager;

    public RocksDbMemory(long capacityBytes, double memtableFraction) {
        RocksDB.loadLibrary();
        this.capacityBytes = capacityBytes;
        // Not a strict limit: with strictCapacityLimit RocksDB fails reads once the cache is full,
        // which would stop a stream thread; a soft limit lets it overshoot briefly instead.
        this.cache = new LRUCache(capacityBytes, -1, false, INDEX_FILTER_SHARE);
        this.writeBufferManager = new WriteBufferManager((long) (capacityBytes * memtableFraction), cache);
    }

    public static RocksDbMemory of(FleetGuardConfig config) {
        return new RocksDbMemory(config.rocksDbMemoryBytes(), config.rocksDbMemtableFraction());
    }

    public long capacityBytes() {
        return capacityBytes;
    }

    Cache cache() {
        return cache;
    }

    WriteBufferManager writeBufferManager() {
        return writeBufferManager;
    }

    /** Frees the native memory; only call once no store uses it any more. */
    @Override
    public void close() {
        writeBufferManager.close();
        cache.close();
    }
}
