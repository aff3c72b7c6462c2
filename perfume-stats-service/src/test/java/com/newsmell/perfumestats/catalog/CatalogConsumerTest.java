package com.newsmell.perfumestats.catalog;

import com.newsmell.infra.CatalogCopyTests;
import com.newsmell.perfumestats.PerfumeStatsTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue #11: perfume-stats-service keeps its own copy of the catalog for the feature store (the shared checks of
 * {@link CatalogCopyTests}).
 */
@QuarkusTest
@QuarkusTestResource(PerfumeStatsTestResource.class)
class CatalogConsumerTest extends CatalogCopyTests {

    @Override
    protected String database() {
        return PerfumeStatsTestResource.DATABASE;
    }

    @Override
    protected String source() {
        return CatalogConsumer.SOURCE;
    }
}
