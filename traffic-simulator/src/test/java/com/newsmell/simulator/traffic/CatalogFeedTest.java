package com.newsmell.simulator.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.newsmell.contract.PerfumeCatalogEntry;
import com.newsmell.contract.PerfumeCatalogEntry.NoteLayer;
import com.newsmell.contract.PerfumeCatalogParser;
import com.newsmell.simulator.world.Catalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulated world's catalog as the contract's catalog entries (issue #11). */
class CatalogFeedTest {

    private final Catalog catalog = Catalog.standard();
    private final List<PerfumeCatalogEntry> entries = CatalogFeed.entries(catalog);

    @Test
    void everyPerfumeIsAValidEntryWithItsHouseAndNotes() {
        assertEquals(catalog.perfumes().size(), entries.size());
        for (PerfumeCatalogEntry entry : entries) {
            assertEquals(entry, PerfumeCatalogParser.parse(entry.toJsonNode()).entry());
            Catalog.Perfume perfume = catalog.perfume(entry.perfumeId());
            assertEquals(catalog.house(perfume.houseId()).name(), entry.houseName());
            assertEquals(
                    perfume.allNotes(),
                    entry.notes().stream().map(PerfumeCatalogEntry.Note::noteId).toList());
            assertEquals("EUR", entry.price().currency());
            assertEquals(CatalogFeed.VERSION, entry.version());
        }
    }

    @Test
    void theOpeningNotesAreTheTopOfThePyramid() {
        Catalog.Perfume perfume = catalog.perfumes().get(0);
        PerfumeCatalogEntry entry = entries.get(0);

        assertEquals(
                perfume.openNotes(),
                entry.notes().stream()
                        .filter(n -> n.layer() == NoteLayer.TOP)
                        .map(PerfumeCatalogEntry.Note::noteId)
                        .toList());
    }
}
