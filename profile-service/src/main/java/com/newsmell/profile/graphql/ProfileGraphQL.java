package com.newsmell.profile.graphql;

import com.newsmell.profile.behavior.ProfileService;
import com.newsmell.profile.features.api.UserFeatureView;
import com.newsmell.profile.features.store.FeatureStoreService;
import com.newsmell.profile.segments.SegmentService;
import com.newsmell.profile.segments.SegmentView;
import com.newsmell.profile.similarity.SimilarUsersResource;
import com.newsmell.profile.similarity.SimilarityService;
import com.newsmell.toolkit.api.PageParams;
import com.newsmell.toolkit.api.Paging;
import com.newsmell.toolkit.graphql.Federation;
import com.newsmell.toolkit.graphql.GraphQLArgs;
import com.newsmell.toolkit.graphql.Isolated;
import com.newsmell.toolkit.graphql.JobStatus;
import com.newsmell.toolkit.graphql.JobStatusQuery;
import com.newsmell.toolkit.http.QueryParams;
import com.newsmell.toolkit.jobs.JobsService;
import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.graphql.api.federation.link.Import;
import io.smallrye.graphql.api.federation.link.Link;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/**
 * profile-service's subgraph (issue 14, ADR 0025): thin, over the services and resources' reads the REST API uses.
 * A batch of User keys is resolved with one query ({@link ProfileService#findAll}); featureVector and segment read
 * once per batch (@Source List), and so does similarUsers (each user's page of the stored ranks by row_number()).
 */
@GraphQLApi
@Link(
        url = Federation.V2,
        _import = {@Import(name = "@key"), @Import(name = "@shareable")})
public class ProfileGraphQL {

    private final ProfileService profiles;
    private final SimilarityService similarity;
    private final SegmentService segments;
    private final FeatureStoreService store;
    private final JobsService jobs;

    public ProfileGraphQL(
            ProfileService profiles,
            SimilarityService similarity,
            SegmentService segments,
            FeatureStoreService store,
            JobsService jobs) {
        this.profiles = profiles;
        this.similarity = similarity;
        this.segments = segments;
        this.store = store;
        this.jobs = jobs;
    }

    @Resolver
    public Uni<List<User>> users(@NonNull List<@NonNull String> userId) {
        return Isolated.run(() -> profiles.findAll(userId)).map(rows -> {
            Instant now = Instant.now();
            List<User> users = new ArrayList<>();
            for (int i = 0; i < userId.size(); i++) {
                var row = rows.get(i);
                users.add(new User(userId.get(i), row == null ? null : profiles.view(row, now)));
            }
            return users;
        });
    }

    @Query
    @Description("One user, by its ID; the other subgraphs add their fields (sessions, searches).")
    public Uni<@NonNull User> user(@NonNull String userId) {
        if (QueryParams.blank(userId)) {
            throw QueryParams.bad("userId", "not-blank", "userId must not be blank.");
        }
        return users(List.of(userId)).map(list -> list.get(0));
    }

    @Description("The user's current feature vector of the newest schema version (GET /v1/profiles/{userId}/features):"
            + " names and values 0-1; absent before the profiles job computed it. One read per batch of users.")
    public Uni<List<FeatureVector>> featureVector(@Source List<User> users) {
        List<String> ids = users.stream().map(User::userId).toList();
        return Isolated.run(() -> store.currentVectors(ids)).map(found -> {
            List<FeatureVector> views = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                views.add(found.get(i) == null ? null : FeatureVector.of(UserFeatureView.of(ids.get(i), found.get(i))));
            }
            return views;
        });
    }

    @Description("The user's segment in the latest weekly segmentation, as GET /v1/segments lists it (size, share,"
            + " centroid, distinctive features); absent when that segmentation did not include them. One read per"
            + " batch of users.")
    public Uni<List<SegmentView>> segment(@Source List<User> users) {
        List<String> segmentIds = users.stream()
                .map(u -> u.profile() == null ? null : u.profile().segmentId())
                .toList();
        List<String> distinct =
                segmentIds.stream().filter(Objects::nonNull).distinct().toList();
        return Isolated.run(() -> segments.byIds(distinct))
                .map(found -> segmentIds.stream()
                        .map(id -> id == null ? null : found.get(id))
                        .toList());
    }

    @Description("The most similar users by their feature vectors (GET /v1/profiles/{userId}/similar); absent when"
            + " the user has no feature vector (REST: 404). One read per batch of users.")
    public Uni<List<SimilarUsersResource.SimilarUsers>> similarUsers(
            @Source List<User> users, @Description("1-1000, default 10") Integer limit, String cursor) {
        int size = QueryParams.integer(
                "limit",
                GraphQLArgs.text(limit),
                SimilarUsersResource.DEFAULT_LIMIT,
                1,
                SimilarUsersResource.MAX_LIMIT);
        int offset = Paging.offset(cursor);
        List<String> ids = users.stream().map(User::userId).toList();
        return Isolated.run(() -> similarity.similar(ids, offset, size)).map(rankings -> {
            List<SimilarUsersResource.SimilarUsers> pages = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                pages.add(
                        rankings.get(i) == null
                                ? null
                                : SimilarUsersResource.SimilarUsers.of(ids.get(i), rankings.get(i)));
            }
            return pages;
        });
    }

    @Query
    @Description("The latest week's segments, largest first (GET /v1/segments).")
    public Uni<@NonNull SegmentPage> segments(@Description("1-1000, default 100") Integer limit, String cursor) {
        PageParams page = GraphQLArgs.page(limit, cursor);
        int size = page.size();
        int offset = page.offset();
        return Isolated.run(() -> segments.latest())
                .map(all -> new SegmentPage(
                        all.stream().skip(offset).limit(size).toList(),
                        all.size() > offset + size ? Paging.offsetCursor(offset + size) : null));
    }

    @Query
    @Description("profile-service's jobs and their last runs (GET /v1/jobs).")
    public Uni<@NonNull List<@NonNull JobStatus>> profileJobs() {
        return Isolated.run(() -> JobStatusQuery.of(jobs, "profile-service"));
    }
}
