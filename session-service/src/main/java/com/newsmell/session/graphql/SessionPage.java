package com.newsmell.session.graphql;

import com.newsmell.session.usersession.SessionView;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of sessions, newest first (GET /v1/sessions): pass nextCursor as cursor for the next page.")
public record SessionPage(@NonNull List<@NonNull SessionView> items, String nextCursor) {}
