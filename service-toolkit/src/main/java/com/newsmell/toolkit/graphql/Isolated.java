package com.newsmell.toolkit.graphql;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Runs a GraphQL field's data access on a Vert.x sub-context of its own. GraphQL resolves the fields of a request
 * concurrently, on the request's context, where Hibernate Reactive keeps one session: two fields reading at once
 * would share it (and fail). Each field on its own safe duplicated context gets its own session and connection.
 */
public final class Isolated {

    private Isolated() {}

    public static <T> Uni<T> run(Supplier<Uni<? extends T>> work) {
        Context current = Vertx.currentContext();
        if (current == null) {
            return Uni.createFrom().<T>deferred(work);
        }
        Context own = VertxContext.createNewDuplicatedContext(current);
        VertxContextSafetyToggle.setContextSafe(own, true);
        return Uni.createFrom().<T>deferred(work).runSubscriptionOn(task -> own.runOnContext(ignored -> task.run()));
    }
}
