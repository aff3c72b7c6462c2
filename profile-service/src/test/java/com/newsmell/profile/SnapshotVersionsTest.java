package com.newsmell.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.profile.features.store.FeatureVectorRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * ADR 0048 on the real database: the feature snapshots (a training dataset) keep their three newest schema versions;
 * the snapshot pruning drops every older version's. Run in a transaction rolled back at the end, so the versions it
 * creates never become the newest for the other tests.
 */
@QuarkusTest
@QuarkusTestResource(ProfileTestResource.class)
class SnapshotVersionsTest {

    @Inject
    FeatureVectorRepository vectors;

    @Test
    @RunOnVertxContext
    void theSnapshotsOfTheThreeNewestSchemaVersionsAreKept(UniAsserter asserter) {
        asserter.assertThat(
                () -> Panache.withTransaction(() -> Panache.getSession()
                        .chain(s -> s.createNativeQuery("insert into feature_schema_version (version, layout,"
                                        + " definition, created_at, created_by) select v, 'test', '{}', now(),"
                                        + " 'test' from generate_series(9001, 9004) v")
                                .executeUpdate()
                                // as of a day after any horizon: only the version rule can drop them
                                .chain(() -> s.createNativeQuery("insert into user_feature_snapshot (user_id,"
                                                + " schema_version, as_of, computed_at, vector, account_age_days,"
                                                + " account_age_source) select 'pseudonym:versions-test', v,"
                                                + " date '2999-01-01', now(), '[]', 1, 'first-event'"
                                                + " from generate_series(9001, 9004) v")
                                        .executeUpdate())
                                .chain(() -> vectors.prune(LocalDate.parse("2000-01-01"), 9004))
                                .chain(() -> s.createNativeQuery(
                                                "select schema_version from user_feature_snapshot where user_id ="
                                                        + " 'pseudonym:versions-test' order by 1",
                                                Integer.class)
                                        .getResultList())
                                .call(() -> Panache.currentTransaction().invoke(t -> t.markForRollback())))),
                versions -> assertThat(versions).containsExactly(9002, 9003, 9004));
    }
}
