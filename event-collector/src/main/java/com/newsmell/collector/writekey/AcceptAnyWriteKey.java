package com.newsmell.collector.writekey;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Until write keys are managed (issue 16, "Write keys"): any non-blank key is the development key of a server source.
 * Replaced by the real {@link WriteKeys} bean, which is not a default bean.
 */
@DefaultBean
@ApplicationScoped
public class AcceptAnyWriteKey implements WriteKeys {

    @Override
    public Uni<Optional<WriteKey>> resolve(String presentedKey) {
        return Uni.createFrom()
                .item(
                        presentedKey == null || presentedKey.isBlank()
                                ? Optional.empty()
                                : Optional.of(new WriteKey("dev", "server", List.of())));
    }
}
