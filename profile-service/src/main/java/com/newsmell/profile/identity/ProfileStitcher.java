package com.newsmell.profile.identity;

import com.newsmell.contract.IdentityLink;
import com.newsmell.profile.rollup.RollupFold;
import com.newsmell.profile.rollup.RollupRepository;
import com.newsmell.toolkit.identity.Attribution;
import com.newsmell.toolkit.identity.IdentityStitcher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * profile-service's stitching (ADR 0064): the anonymous visitor's parked events are folded into the user's rollups
 * (which marks the user for the next recompute) and deleted, in the link's transaction, so they count once; the
 * visitor's later events are the user's when they arrive ({@code ProfileService}).
 */
@ApplicationScoped
public class ProfileStitcher implements IdentityStitcher {

    private final AnonymousEventRepository anonymous;
    private final RollupRepository rollups;

    public ProfileStitcher(AnonymousEventRepository anonymous, RollupRepository rollups) {
        this.anonymous = anonymous;
        this.rollups = rollups;
    }

    @Override
    public Uni<Void> stitch(IdentityLink link, String previousUserId) {
        return anonymous
                .take(link.anonymousId())
                .chain(events -> rollups.add(
                        RollupFold.fold(Attribution.attribute(events, Map.of(link.anonymousId(), link.userId())))));
    }
}
