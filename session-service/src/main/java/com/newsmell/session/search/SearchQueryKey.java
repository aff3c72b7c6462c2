package com.newsmell.session.search;

import java.io.Serializable;
import java.util.Objects;

/** The key of a SearchQuery: searchIds are client-generated, so they are unique within their session. */
public class SearchQueryKey implements Serializable {

    public String sessionId;
    public String searchId;

    public SearchQueryKey() {}

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchQueryKey k
                && Objects.equals(sessionId, k.sessionId)
                && Objects.equals(searchId, k.searchId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sessionId, searchId);
    }
}
