package dev.ticketflow.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteKeyValueStoreTest {

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    @Test
    void storesReplacesAndDeletesValues() {
        SqliteKeyValueStore store = new SqliteKeyValueStore(vertx, dir.resolve("p/store.db"));

        assertThat(store.get("k").await()).isNull();
        store.put("k", "one").await();
        store.put("k", "two").await();
        assertThat(store.get("k").await()).isEqualTo("two");
        assertThat(store.delete("k").await()).isTrue();
        assertThat(store.delete("k").await()).isFalse();
        assertThat(store.get("k").await()).isNull();
        store.close().await();
    }

    @Test
    void putIfAbsentStoresOnlyTheFirstValue() {
        SqliteKeyValueStore store = new SqliteKeyValueStore(vertx, dir.resolve("store.db"));

        assertThat(store.putIfAbsent("once", "first").await()).isTrue();
        assertThat(store.putIfAbsent("once", "second").await()).isFalse();
        assertThat(store.get("once").await()).isEqualTo("first");
        store.close().await();
    }

    @Test
    void valuesSurviveReopeningTheFile() {
        SqliteKeyValueStore first = new SqliteKeyValueStore(vertx, dir.resolve("store.db"));
        first.put("k", "kept").await();
        first.close().await();

        SqliteKeyValueStore second = new SqliteKeyValueStore(vertx, dir.resolve("store.db"));

        assertThat(second.get("k").await()).isEqualTo("kept");
        second.close().await();
    }

    @Test
    void aClosedStoreRefusesCalls() {
        SqliteKeyValueStore store = new SqliteKeyValueStore(vertx, dir.resolve("store.db"));
        store.close().await();

        assertThatThrownBy(() -> store.get("k").await()).hasMessageContaining("is closed");
        assertThatThrownBy(() -> store.put(null, "v").await()).hasMessageContaining("must not be null");
    }
}
