package com.newsmell.recommendation.graphql;

import com.newsmell.recommendation.feedback.FeedbackResource.FeedbackListItem;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of a user's recommendation feedback rows, oldest impression first (GET /v1/recommendations"
        + "/feedback?userId=): pass nextCursor as cursor for the next page.")
public record FeedbackPage(
        @NonNull List<@NonNull FeedbackListItem> items,
        @Description("Absent on the last page.") String nextCursor) {}
