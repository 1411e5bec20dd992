package io.fleetguard.runtime;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

import java.util.Map;

/**
 * Points every RocksDB store of an instance at the instance's one {@link RocksDbMemory}: the shared
 * block cache (holding index and filter blocks too) and the shared write buffer manager.
 *
 * <p>Kafka Streams creates one setter per store by reflection, so the shared objects cannot be
 * fields here; they travel in the Streams configuration under {@link #CONFIG_KEY}, like
 * the metrics instance does for the error handlers.
 */
public final class BoundedMemoryRocksDbConfig implements RocksDBConfigSetter {

    /** Key under which the instance's {@link RocksDbMemory} travels through Kafka Streams' configuration. */
    public static final String CONFIG_KEY = "fleetguard.rocksdb.memory";

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        if (!(configs.get(CONFIG_KEY) instanceof RocksDbMemory memory)) {
            throw new ConfigException(CONFIG_KEY, configs.get(CONFIG_KEY),
                    "store " + storeName + " needs the instance's RocksDbMemory to bound its memory");
        }
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(memory.cache());
        // Index and filter blocks otherwise live outside any cache and grow with the data; cached at
        // high priority, with the top level pinned, they count against the bound without thrashing.
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(memory.writeBufferManager());
    }

    @Override
    public void close(String storeName, Options options) {
        // Nothing of this store's own to free: the cache and the write buffer manager are shared by
        // every store of the instance, and FleetGuardApp closes them after all stores are closed.
    }
}
