package com.newsmell.collector.privacy;

import com.newsmell.toolkit.privacy.ErasureStep;
import com.newsmell.toolkit.privacy.UserDataEraser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The collector's erasure (ADR 0032): the user's raw events in every partition (hot, warm and cold not yet dropped)
 * and their eventId keys. The archive's files are rewritten by event-archiver (archive_erasure_pending).
 */
@ApplicationScoped
public class CollectorErasure implements UserDataEraser {

    @Override
    public List<ErasureStep> steps() {
        return List.of(
                new ErasureStep(
                        "raw-event-keys",
                        "delete from raw_event_key k using user_interaction_event e"
                                + " where e.user_id = :userId and k.event_id = e.event_id"),
                new ErasureStep("raw-events", "delete from user_interaction_event where user_id = :userId"));
    }
}
