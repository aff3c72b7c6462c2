package com.newsmell.profile.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The string numbering and the lookup map the profile job's hot loops use, pure. */
class StringTableTest {

    @Test
    @DisplayName("keys are numbered in the order added; adding again gives the same number; unknown keys are -1")
    void numbering() {
        StringTable table = new StringTable(1);

        assertThat(table.add("rose")).isZero();
        assertThat(table.add("oud")).isEqualTo(1);
        assertThat(table.add("rose")).isZero();
        assertThat(table.numberOf("oud")).isEqualTo(1);
        assertThat(table.numberOf("vanilla")).isEqualTo(-1);
        assertThat(table.key(1)).isEqualTo("oud");
        assertThat(table.size()).isEqualTo(2);
    }

    @Test
    @DisplayName(
            "100,000 ids with clustered hash codes (perfume-1 … perfume-100000) all keep their numbers as it grows")
    void grows() {
        StringTable table = new StringTable(4);
        for (int i = 0; i < 100_000; i++) {
            assertThat(table.add("perfume-" + i)).isEqualTo(i);
        }
        for (int i = 0; i < 100_000; i += 997) {
            assertThat(table.numberOf("perfume-" + i)).isEqualTo(i);
            assertThat(table.key(i)).isEqualTo("perfume-" + i);
        }
        assertThat(table.numberOf("perfume-100000")).isEqualTo(-1);
    }

    @Test
    @DisplayName("a StringKeyedMap answers like the map it copies, in the copied map's order")
    void keyedMap() {
        Map<String, Integer> source = new LinkedHashMap<>();
        for (int i = 0; i < 5_000; i++) {
            source.put("bench-perfume-" + i, i);
        }

        StringKeyedMap<Integer> map = new StringKeyedMap<>(source);

        assertThat(map).isEqualTo(source).hasSize(5_000);
        assertThat(map.get("bench-perfume-4321")).isEqualTo(4321);
        assertThat(map.get("bench-perfume-5000")).isNull();
        assertThat(map.get(42)).isNull();
        assertThat(map.containsKey("bench-perfume-0")).isTrue();
        assertThat(new HashMap<>(map)).isEqualTo(source);
        assertThat(map.keySet().iterator().next()).isEqualTo("bench-perfume-0");
        assertThat(new StringKeyedMap<>(Map.of())).isEmpty();
    }
}
