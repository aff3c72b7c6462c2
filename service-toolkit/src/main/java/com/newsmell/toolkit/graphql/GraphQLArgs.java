package com.newsmell.toolkit.graphql;

import com.newsmell.toolkit.api.PageParams;

/**
 * GraphQL arguments read with the REST API's own rules (ADR 0015): the same parsers, so that a bad argument fails
 * with the same ProblemException, whose message names the argument and which the subgraph shows as the GraphQL
 * error's message (quarkus.smallrye-graphql.show-runtime-exception-message).
 */
public final class GraphQLArgs {

    private GraphQLArgs() {}

    /** An optional number as the query parameter's text, checked by the REST API's parser. */
    public static String text(Integer value) {
        return value == null ? null : value.toString();
    }

    /** limit and cursor, as the REST lists take them. */
    public static PageParams page(Integer limit, String cursor) {
        return new PageParams(text(limit), cursor);
    }
}
