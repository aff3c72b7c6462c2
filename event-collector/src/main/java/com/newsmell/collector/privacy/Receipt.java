package com.newsmell.collector.privacy;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The erasure receipt of {@code GET /v1/privacy/requests/{id}} (ADR 0032): per service and table group, status and
 * completion time, and when the copies outside the databases expire. {@code attempts} counts the request's
 * publications on privacy-requests (re-published while a service has not acknowledged it done); {@code nextAttemptAt}
 * is null once no more is due (every service acknowledged done, or the attempts are used up).
 */
@Schema(
        example = "{\"requestId\":\"9b2f3c1e-7d4a-4c61-9f0e-2a8b6d5c4e31\",\"requestedAt\":\"2026-12-06T10:00:00Z\","
                + "\"status\":\"done\",\"completedAt\":\"2026-12-06T10:00:04Z\",\"attempts\":2,"
                + "\"lastAttemptAt\":\"2026-12-06T10:02:00Z\",\"nextAttemptAt\":null,\"services\":[{\"service\":"
                + "\"session-service\",\"status\":\"done\",\"completedAt\":\"2026-12-06T10:00:03Z\",\"tableGroups\":"
                + "[{\"tableGroup\":\"sessions\",\"status\":\"done\",\"rows\":12,\"completedAt\":"
                + "\"2026-12-06T10:00:03Z\",\"error\":null}]}],\"remainingCopies\":[{\"copy\":"
                + "\"kafka:interaction-events\",\"expiresBy\":\"2026-12-13T10:00:00Z\"}]}")
public record Receipt(
        String requestId,
        Instant requestedAt,
        String status,
        Instant completedAt,
        int attempts,
        Instant lastAttemptAt,
        Instant nextAttemptAt,
        List<ServiceStatus> services,
        List<RemainingCopy> remainingCopies) {

    public record ServiceStatus(String service, String status, Instant completedAt, List<TableGroup> tableGroups) {}

    public record TableGroup(String tableGroup, String status, long rows, Instant completedAt, String error) {}

    public record RemainingCopy(String copy, Instant expiresBy) {}

    /** Builds the receipt: a service is done when it acknowledged done; the request when every expected one is. */
    public static Receipt of(
            PrivacyRepository.Request request,
            List<String> expected,
            List<PrivacyRepository.Ack> acks,
            List<RemainingCopy> copies) {
        List<ServiceStatus> services = expected.stream()
                .map(service -> {
                    List<TableGroup> groups = acks.stream()
                            .filter(a -> a.service().equals(service))
                            .map(a -> new TableGroup(a.tableGroup(), a.status(), a.rows(), a.completedAt(), a.error()))
                            .toList();
                    String status = groups.isEmpty()
                            ? "pending"
                            : groups.stream().anyMatch(g -> !"done".equals(g.status())) ? "failed" : "done";
                    Instant completed = "done".equals(status)
                            ? groups.stream()
                                    .map(TableGroup::completedAt)
                                    .max(Instant::compareTo)
                                    .orElse(null)
                            : null;
                    return new ServiceStatus(service, status, completed, groups);
                })
                .toList();
        String status = services.stream().anyMatch(s -> s.status().equals("failed"))
                ? "failed"
                : services.stream().allMatch(s -> s.status().equals("done")) ? "done" : "pending";
        Instant completed = status.equals("done")
                ? services.stream()
                        .map(ServiceStatus::completedAt)
                        .max(Instant::compareTo)
                        .orElse(null)
                : null;
        return new Receipt(
                request.requestId().toString(),
                request.requestedAt(),
                status,
                completed,
                request.attempts(),
                request.lastAttemptAt(),
                request.nextAttemptAt(),
                services,
                copies);
    }
}
