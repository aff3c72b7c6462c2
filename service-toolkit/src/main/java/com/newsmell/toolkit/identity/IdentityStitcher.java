package com.newsmell.toolkit.identity;

import com.newsmell.contract.IdentityLink;
import io.smallrye.mutiny.Uni;

/**
 * A service's stitching of an anonymous visitor's history to the user (ADR 0064): called by {@link IdentityLinkRecords}
 * inside the transaction that stored a new link (never for a redelivered or superseded one). Implement it as an
 * {@code @ApplicationScoped} bean.
 */
public interface IdentityStitcher {

    /**
     * @param link the link just stored
     * @param previousUserId the user the anonymousId was linked to before (a re-link), or null
     */
    Uni<Void> stitch(IdentityLink link, String previousUserId);
}
