package com.newsmell.profile.rollup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Collection;

/**
 * Lists bound as one jsonb parameter ({@code jsonb_array_elements_text}, {@code jsonb_to_recordset}): one parameter
 * whatever the list's length, and no reflection.
 */
public final class JsonParams {

    /** The SQL that turns the jsonb array parameter {@code :name} into the text array of its elements. */
    public static String textArray(String name) {
        return "array(select jsonb_array_elements_text(cast(cast(:" + name + " as text) as jsonb)))";
    }

    private JsonParams() {}

    /** A list of strings as one jsonb array parameter. */
    public static String array(Collection<String> values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        values.forEach(array::add);
        return array.toString();
    }
}
