package com.newsmell.profile.catalog;

import com.newsmell.infra.CatalogCopyTests;
import com.newsmell.profile.ProfileTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Issue #11: profile-service keeps its own copy of the catalog (the shared checks of {@link CatalogCopyTests}). */
@QuarkusTest
@QuarkusTestResource(ProfileTestResource.class)
class CatalogConsumerTest extends CatalogCopyTests {

    @Override
    protected String database() {
        return ProfileTestResource.DATABASE;
    }

    @Override
    protected String source() {
        return CatalogConsumer.SOURCE;
    }
}
