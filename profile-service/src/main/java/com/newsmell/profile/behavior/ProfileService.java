package com.newsmell.profile.profile;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.contract.kafka.EventBatchProcessor.Rejection;
import com.newsmell.contract.kafka.EventClaims;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Folds interaction events into user behavior profiles, idempotently (eventIds claimed in the same transaction). */
@ApplicationScoped
public class ProfileService {

    private final UserBehaviorProfileRepository profiles;

    public ProfileService(UserBehaviorProfileRepository profiles) {
        this.profiles = profiles;
    }

    @WithTransaction
    public Uni<List<Rejection>> apply(List<UserInteractionEvent> events) {
        return Panache.getSession()
                .chain(session -> EventClaims.claim(session, events))
                .chain(this::fold)
                .replaceWith(List.of());
    }

    private Uni<Void> fold(List<UserInteractionEvent> fresh) {
        Map<String, List<UserInteractionEvent>> byUser = fresh.stream()
                .filter(ProfileFold::counts)
                .collect(Collectors.groupingBy(UserInteractionEvent::userId, LinkedHashMap::new, Collectors.toList()));
        if (byUser.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return profiles.findByUserIdsForUpdate(byUser.keySet()).chain(existing -> {
            Map<String, UserBehaviorProfile> known =
                    existing.stream().collect(Collectors.toMap(p -> p.userId, Function.identity()));
            List<UserBehaviorProfile> created = new ArrayList<>();
            Instant now = Instant.now();
            byUser.forEach((userId, events) -> {
                UserBehaviorProfile profile = known.get(userId);
                if (profile == null) {
                    profile = ProfileFold.start(events.get(0));
                    profile.createdAt = now;
                    created.add(profile);
                }
                for (UserInteractionEvent event : events) {
                    ProfileFold.apply(profile, event);
                }
                profile.updatedAt = now;
            });
            return created.isEmpty() ? Uni.createFrom().voidItem() : profiles.persist(created);
        });
    }
}
