package com.newsmell.toolkit.graphql;

/** The Apollo Federation version every subgraph links (its {@code @link} on the schema). */
public final class Federation {

    /** Federation v2.3: @key, @shareable, @interfaceObject; what @theguild/federation-composition composes. */
    public static final String V2 = "https://specs.apollo.dev/federation/v2.3";

    private Federation() {}
}
