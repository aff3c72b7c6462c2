package com.newsmell.toolkit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void aFurtherRowGivesTheCursorOfTheLastKeptOne() {
        Page<String> page = Page.of(List.of(1, 2, 3), 2, i -> "item" + i, i -> "after" + i);
        assertEquals(List.of("item1", "item2"), page.items());
        assertEquals("after2", page.nextCursor());
    }

    @Test
    void theLastPageHasNoCursor() {
        Page<String> full = Page.of(List.of(1, 2), 2, i -> "item" + i, i -> "after" + i);
        assertEquals(List.of("item1", "item2"), full.items());
        assertNull(full.nextCursor());
        assertEquals(
                List.of(),
                Page.of(List.<Integer>of(), 2, i -> "item" + i, i -> "after" + i)
                        .items());
    }
}
