package com.newsmell.recommendation.identity;

import com.newsmell.contract.IdentityLink;
import com.newsmell.recommendation.config.RecommendationConfig;
import com.newsmell.recommendation.feedback.FactsRepository;
import com.newsmell.recommendation.feedback.FeedbackFold;
import com.newsmell.toolkit.identity.IdentityStitcher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * recommendation-feedback-service's stitching (ADR 0064), in the link's transaction: the anonymous visitor's ledger rows
 * and conversions that name no user get the linked user, the sessions they were seen in are the user's (the viewer
 * sessions, earliest wins as for an identified event), and the days whose metrics that changes are marked for the daily
 * job. The visitor's later events are the user's when they arrive ({@code FeedbackService}).
 */
@ApplicationScoped
public class FeedbackStitcher implements IdentityStitcher {

    private final StitchRepository stitches;
    private final FactsRepository facts;
    private final RecommendationConfig config;

    public FeedbackStitcher(StitchRepository stitches, FactsRepository facts, RecommendationConfig config) {
        this.stitches = stitches;
        this.facts = facts;
        this.config = config;
    }

    @Override
    public Uni<Void> stitch(IdentityLink link, String previousUserId) {
        Instant now = Instant.now();
        List<Instant> changed = new ArrayList<>();
        return stitches.ledger(link.anonymousId(), link.userId(), now)
                .invoke(changed::addAll)
                .chain(() -> stitches.conversions(link.anonymousId(), link.userId()))
                .invoke(changed::addAll)
                .chain(() -> stitches.sessions(link.anonymousId(), link.userId()))
                .chain(identities -> {
                    identities.forEach(i -> changed.add(i.at()));
                    return facts.identify(identities);
                })
                .chain(() -> facts.markDirty(FeedbackFold.daysAround(changed, config.attributionWindow()), now))
                .replaceWithVoid();
    }
}
