package com.newsmell.simulator.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogTest {

    @Test
    void deterministicFromItsSeed() {
        assertEquals(Catalog.generate(5).perfumes(), Catalog.generate(5).perfumes());
        assertEquals(Catalog.generate(5).houses(), Catalog.generate(5).houses());
        assertNotEquals(Catalog.generate(5).perfumes(), Catalog.generate(6).perfumes());
        assertEquals(
                Population.generate(Catalog.standard(), 50, 1).users(),
                Population.generate(Catalog.standard(), 50, 1).users());
    }

    @Test
    void perfumesHaveAHouseATypeAPriceAndThreeLayersOfNotes() {
        Catalog c = Catalog.standard();
        assertEquals(Catalog.DEFAULT_PERFUMES, c.perfumes().size());
        Set<String> ids = new HashSet<>();
        for (Catalog.Perfume p : c.perfumes()) {
            assertTrue(ids.add(p.id()));
            c.house(p.houseId());
            assertTrue(Catalog.TYPES.contains(p.type()));
            assertTrue(p.price() > 0);
            for (Catalog.Layer layer : Catalog.Layer.values()) {
                assertFalse(p.notes(layer).isEmpty());
                p.notes(layer).forEach(n -> assertEquals(layer, c.note(n).layer()));
            }
        }
    }

    @Test
    void searchMatchesNotesHousesAndNames() {
        Catalog c = Catalog.standard();
        List<Catalog.Perfume> vanilla = c.search("vanilla");
        assertFalse(vanilla.isEmpty());
        vanilla.forEach(p ->
                assertTrue(p.allNotes().contains("note-vanilla") || p.name().contains("Vanilla")));
        Catalog.Perfume first = c.perfumes().get(0);
        assertTrue(c.search(first.name()).contains(first));
        assertTrue(c.search("vanila").isEmpty());
        assertTrue(c.search("cherry cola").isEmpty());
    }
}
