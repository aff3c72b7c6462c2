package com.newsmell.session.session;

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

/** Folds interaction events into sessions, idempotently (eventIds claimed in the same transaction). */
@ApplicationScoped
public class SessionService {

    private final UserSessionRepository sessions;

    public SessionService(UserSessionRepository sessions) {
        this.sessions = sessions;
    }

    @WithTransaction
    public Uni<List<Rejection>> apply(List<UserInteractionEvent> events) {
        return Panache.getSession()
                .chain(session -> EventClaims.claim(session, events))
                .chain(this::fold)
                .replaceWith(List.of());
    }

    private Uni<Void> fold(List<UserInteractionEvent> fresh) {
        if (fresh.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, List<UserInteractionEvent>> bySession = fresh.stream()
                .collect(Collectors.groupingBy(
                        UserInteractionEvent::sessionId, LinkedHashMap::new, Collectors.toList()));
        return sessions.findBySessionIds(bySession.keySet()).chain(existing -> {
            Map<String, UserSession> known =
                    existing.stream().collect(Collectors.toMap(s -> s.sessionId, Function.identity()));
            List<UserSession> created = new ArrayList<>();
            Instant now = Instant.now();
            bySession.forEach((sessionId, events) -> {
                UserSession session = known.get(sessionId);
                if (session == null) {
                    session = SessionFold.start(events.get(0));
                    created.add(session);
                }
                for (UserInteractionEvent event : events) {
                    SessionFold.apply(session, event);
                }
                session.updatedAt = now;
            });
            return created.isEmpty() ? Uni.createFrom().voidItem() : sessions.persist(created);
        });
    }
}
