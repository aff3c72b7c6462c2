package com.newsmell.profile.similarity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A chunk of ranked users as the one parameter of {@link SimilarUsersRepository#INSERT}: one JSON object per user
 * ({@code u} the user, {@code v} the schema version, {@code d} the as-of day, {@code o} the neighbours best first,
 * {@code s} their similarities). Pure.
 */
public final class NeighbourRows {

    /** The chunk's users (those without neighbours too: their rows are replaced by none), its JSON and row count. */
    public record Chunk(List<String> users, String json, long rows) {}

    private NeighbourRows() {}

    /** The queries {@code [from, to)} of a search (0-based among its queries). */
    public static Chunk of(Neighbours neighbours, int from, int to, int schemaVersion, LocalDate asOf) {
        UnitVectors set = neighbours.vectors();
        List<String> users = new ArrayList<>(to - from);
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        long count = 0;
        String day = asOf.toString();
        for (int q = from; q < to; q++) {
            String userId = set.userId(neighbours.from() + q);
            users.add(userId);
            Neighbours.Row row = neighbours.row(q);
            if (row.size() == 0) {
                continue;
            }
            ObjectNode r =
                    rows.addObject().put("u", userId).put("v", schemaVersion).put("d", day);
            ArrayNode others = r.putArray("o");
            ArrayNode similarities = r.putArray("s");
            for (int n = 0; n < row.size(); n++) {
                others.add(set.userId(row.neighbours()[n]));
                similarities.add(row.similarity(n));
            }
            count += row.size();
        }
        return new Chunk(users, rows.toString(), count);
    }
}
