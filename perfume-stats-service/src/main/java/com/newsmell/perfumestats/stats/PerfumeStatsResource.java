package com.newsmell.perfumestats.stats;

import com.newsmell.contract.http.Problem;
import com.newsmell.contract.http.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/v1/perfumes")
@Produces(MediaType.APPLICATION_JSON)
public class PerfumeStatsResource {

    private final PerfumeInteractionStatsRepository stats;

    public PerfumeStatsResource(PerfumeInteractionStatsRepository stats) {
        this.stats = stats;
    }

    @GET
    @Path("/{perfumeId}/stats")
    @Operation(summary = "One perfume's interaction statistics, as built from its events so far")
    public Uni<PerfumeStatsView> get(@PathParam("perfumeId") String perfumeId) {
        return stats.findByPerfumeId(perfumeId).map(row -> {
            if (row == null) {
                throw new ProblemException(Problem.of(
                        404,
                        "perfume-stats-not-found",
                        "Perfume statistics not found",
                        "No interactions with perfume " + perfumeId + " yet."));
            }
            return PerfumeStatsView.of(row);
        });
    }

    /** The API's view of a PerfumeInteractionStats row. */
    public record PerfumeStatsView(String perfumeId, int totalViews, int inWishlistCount, Instant lastViewedAt) {
        static PerfumeStatsView of(PerfumeInteractionStats s) {
            return new PerfumeStatsView(s.perfumeId, s.totalViews, s.inWishlistCount, s.lastViewedAt);
        }
    }
}
