package com.newsmell.profile.graphql;

import com.newsmell.profile.segments.SegmentView;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of the latest week's segments, largest first (GET /v1/segments).")
public record SegmentPage(@NonNull List<@NonNull SegmentView> items, String nextCursor) {}
