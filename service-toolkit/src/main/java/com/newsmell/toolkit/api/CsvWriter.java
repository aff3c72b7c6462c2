package com.newsmell.toolkit.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code Accept: text/csv} on every list and metrics endpoint (ADR 0015): the rows of the JSON answer as RFC 4180
 * CSV with a header row, written row by row. The rows are a list's {@code items}, a breakdown's values, a metrics
 * answer's {@code buckets}, or else its {@code totals} as one row; nested objects become dotted columns
 * ({@code totals.sessions}), arrays one JSON cell; a field without a value is an empty cell.
 */
@Provider
@Produces(ApiConvention.CSV)
public class CsvWriter implements MessageBodyWriter<Object> {

    private final ObjectMapper mapper;

    public CsvWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return mediaType.isCompatible(MediaType.valueOf(ApiConvention.CSV));
    }

    @Override
    public void writeTo(
            Object entity,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> headers,
            OutputStream out)
            throws IOException {
        headers.putSingle("Content-Type", ApiConvention.CSV + "; charset=utf-8; header=present");
        JsonNode root = entity instanceof String s ? mapper.readTree(s) : mapper.valueToTree(entity);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        write(rows(root), writer);
        writer.flush();
    }

    /** The rows of an answer: items, breakdown values, buckets, or the totals. */
    public static List<JsonNode> rows(JsonNode root) {
        List<JsonNode> rows = new ArrayList<>();
        JsonNode source;
        if (root.has("items")) {
            source = root.get("items");
        } else if (root.hasNonNull("breakdown")) {
            source = root.get("breakdown").get("items");
        } else if (root.hasNonNull("buckets")) {
            source = root.get("buckets");
        } else if (root.hasNonNull("totals")) {
            source = mapperFree(root.get("totals"));
        } else {
            source = mapperFree(root);
        }
        source.forEach(rows::add);
        return rows;
    }

    private static JsonNode mapperFree(JsonNode single) {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .arrayNode()
                .add(single);
    }

    /** Writes the rows with a header row: the union of their flattened columns, in the rows' order. */
    public static void write(List<JsonNode> rows, Writer writer) throws IOException {
        List<Map<String, String>> flat = new ArrayList<>(rows.size());
        List<String> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode row : rows) {
            Map<String, String> cells = new LinkedHashMap<>();
            flatten("", row, cells);
            // a column first seen in a later row (absent fields are left out) goes right after its neighbour
            int at = 0;
            for (String c : cells.keySet()) {
                if (seen.add(c)) {
                    columns.add(at, c);
                    at++;
                } else {
                    at = columns.indexOf(c) + 1;
                }
            }
            flat.add(cells);
        }
        writeLine(new ArrayList<>(columns), writer);
        for (Map<String, String> cells : flat) {
            List<String> line = new ArrayList<>(columns.size());
            for (String c : columns) {
                line.add(cells.get(c));
            }
            writeLine(line, writer);
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> cells) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), cells);
            }
        } else if (node.isNull() || node.isMissingNode()) {
            cells.put(prefix.isEmpty() ? "value" : prefix, null);
        } else if (node.isValueNode()) {
            cells.put(prefix.isEmpty() ? "value" : prefix, node.asText());
        } else {
            cells.put(prefix.isEmpty() ? "value" : prefix, node.toString());
        }
    }

    private static void writeLine(List<String> cells, Writer writer) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(escape(cells.get(i)));
        }
        writer.write("\r\n");
    }

    /** RFC 4180: a cell holding a comma, quote, CR or LF is quoted, its quotes doubled; none is an empty cell. */
    public static String escape(String cell) {
        if (cell == null) {
            return "";
        }
        if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
