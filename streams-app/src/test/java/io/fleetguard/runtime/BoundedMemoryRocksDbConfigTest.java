package io.fleetguard.runtime;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.state.internals.BlockBasedTableConfigWithAccessibleCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rocksdb.Options;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedMemoryRocksDbConfigTest {

    private static final long MIB = 1024 * 1024;

    private final RocksDbMemory memory = new RocksDbMemory(64 * MIB, 0.5);
    private final Map<String, Object> configs = Map.of(BoundedMemoryRocksDbConfig.CONFIG_KEY, memory);
    private final Options storeA = kafkaStreamsOptions();
    private final Options storeB = kafkaStreamsOptions();

    @AfterEach
    void release() {
        storeA.close();
        storeB.close();
        memory.close();
    }

    @Test
    void shouldGiveEveryStoreTheOneSharedCacheAndWriteBufferManager() {
        // When Kafka Streams configures two stores, each through its own setter instance
        new BoundedMemoryRocksDbConfig().setConfig("store-a", storeA, configs);
        new BoundedMemoryRocksDbConfig().setConfig("store-b", storeB, configs);

        // Then both table configs use the instance's cache, and both stores its write buffer manager
        assertThat(table(storeA).blockCache()).isSameAs(memory.cache());
        assertThat(table(storeB).blockCache()).isSameAs(memory.cache());
        assertThat(storeA.writeBufferManager()).isSameAs(memory.writeBufferManager());
        assertThat(storeB.writeBufferManager()).isSameAs(memory.writeBufferManager());
        assertThat(memory.capacityBytes()).isEqualTo(64 * MIB);
    }

    @Test
    void shouldKeepIndexAndFilterBlocksInTheCache() {
        new BoundedMemoryRocksDbConfig().setConfig("store-a", storeA, configs);

        assertThat(table(storeA).cacheIndexAndFilterBlocks()).isTrue();
        assertThat(table(storeA).cacheIndexAndFilterBlocksWithHighPriority()).isTrue();
        assertThat(table(storeA).pinTopLevelIndexAndFilter()).isTrue();
    }

    @Test
    void shouldLeaveTheSharedMemoryOpenWhenAStoreCloses() {
        // Given two stores, one of which closes
        BoundedMemoryRocksDbConfig setterA = new BoundedMemoryRocksDbConfig();
        setterA.setConfig("store-a", storeA, configs);
        new BoundedMemoryRocksDbConfig().setConfig("store-b", storeB, configs);

        setterA.close("store-a", storeA);

        // Then the cache and the write buffer manager still serve the other store
        assertThat(memory.cache().isOwningHandle()).isTrue();
        assertThat(memory.writeBufferManager().isOwningHandle()).isTrue();
        assertThat(table(storeB).blockCache()).isSameAs(memory.cache());
    }

    @Test
    void shouldFreeTheSharedMemoryWhenTheInstanceClosesIt() {
        RocksDbMemory own = new RocksDbMemory(16 * MIB, 0.25);

        own.close();

        assertThat(own.cache().isOwningHandle()).isFalse();
        assertThat(own.writeBufferManager().isOwningHandle()).isFalse();
    }

    @Test
    void shouldRefuseAStoreWhenTheInstanceMemoryIsMissing() {
        assertThatThrownBy(() -> new BoundedMemoryRocksDbConfig().setConfig("store-a", storeA, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("store store-a needs the instance's RocksDbMemory");
    }

    /** What Kafka Streams' RocksDBStore hands a setter: its own table config, whose cache can be read back. */
    private static Options kafkaStreamsOptions() {
        Options options = new Options();
        options.setTableFormatConfig(new BlockBasedTableConfigWithAccessibleCache());
        return options;
    }

    private static BlockBasedTableConfigWithAccessibleCache table(Options options) {
        return (BlockBasedTableConfigWithAccessibleCache) options.tableFormatConfig();
    }
}
