package com.newsmell.collector;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A valid perfume catalog entry, as a client sends it (issue #11). */
public final class TestPerfumes {

    private TestPerfumes() {}

    public static ObjectNode perfume(String perfumeId) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("perfumeId", perfumeId)
                .put("name", "Velvet Oud")
                .put("houseId", "h-1")
                .put("houseName", "Maison Lumiere");
        ArrayNode notes = p.putArray("notes");
        notes.addObject()
                .put("noteId", "note-bergamot")
                .put("name", "bergamot")
                .put("layer", "top")
                .put("category", "citrus");
        notes.addObject()
                .put("noteId", "note-oud")
                .put("name", "oud")
                .put("layer", "base")
                .put("category", "woody");
        p.put("perfumeType", "Eau de Parfum")
                .put("concentration", "eau-de-parfum")
                .put("launchYear", 2019);
        p.putObject("price").put("amount", 92.5).put("currency", "EUR");
        p.put("version", 1);
        return p;
    }
}
