package com.newsmell.toolkit.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** {@code limit} and {@code cursor}, declared and documented once for every list (ADR 0015). */
public class PageParams {

    @QueryParam("limit")
    @Parameter(
            description = ApiDocs.LIMIT,
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "100"))
    public String limit;

    @QueryParam("cursor")
    @Parameter(description = ApiDocs.CURSOR, schema = @Schema(type = SchemaType.STRING))
    public String cursor;

    public PageParams() {}

    public PageParams(String limit, String cursor) {
        this.limit = limit;
        this.cursor = cursor;
    }

    /** The page size ({@link Paging#limit}). */
    public int size() {
        return Paging.limit(limit);
    }

    /** A ranking's offset ({@link Paging#offset}). */
    public int offset() {
        return Paging.offset(cursor);
    }
}
