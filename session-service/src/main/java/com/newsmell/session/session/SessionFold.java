package com.newsmell.session.session;

import com.newsmell.contract.InteractionCategory;
import com.newsmell.contract.UserInteractionEvent;

/** How one event changes its session. Every rule is order-independent, so arrival order doesn't matter. */
final class SessionFold {

    private SessionFold() {}

    static UserSession start(UserInteractionEvent event) {
        UserSession session = new UserSession();
        session.sessionId = event.sessionId();
        session.startTime = event.timestamp();
        session.endTime = event.timestamp();
        return session;
    }

    static void apply(UserSession session, UserInteractionEvent event) {
        if (event.timestamp().isBefore(session.startTime)) {
            session.startTime = event.timestamp();
        }
        if (session.endTime == null || event.timestamp().isAfter(session.endTime)) {
            session.endTime = event.timestamp();
        }
        if (event.userId() != null && session.userId == null) {
            session.userId = event.userId(); // an anonymous session that logs in belongs to that user
        }
        InteractionCategory category = event.eventCategory();
        if (category == InteractionCategory.VIEW) {
            session.pageViews++;
        } else if (category != InteractionCategory.NAVIGATION) {
            session.interactions++;
        }
    }
}
