package com.newsmell.collector.writekey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WriteKeyHashingTest {

    @Test
    void keysAreRandomPrefixedAndStoredAsTheirHmacUnderThePepper() {
        String key = WriteKeyHashing.newKey();
        assertThat(key).startsWith("nsk_").hasSize(4 + 43).isNotEqualTo(WriteKeyHashing.newKey());
        WriteKeyHashing one = new WriteKeyHashing("pepper-number-one");
        assertThat(one.hash(key)).hasSize(64).isEqualTo(one.hash(key)).doesNotContain(key);
        assertThat(new WriteKeyHashing("pepper-number-two").hash(key)).isNotEqualTo(one.hash(key));
        assertThat(WriteKeyHashing.displayPrefix(key)).hasSize(10).isEqualTo(key.substring(0, 10));
    }

    @Test
    void aShortPepperIsRefused() {
        assertThatThrownBy(() -> new WriteKeyHashing("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
