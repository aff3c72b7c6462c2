package com.newsmell.simulator.traffic;

import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Remembers ids the collector accepted, so that a demo can show a URL with data in each service: a
 * session, a logged-in user and a perfume that user viewed (so that the pair has interaction features too), and a
 * shown recommendation. Written as KEY=value lines to the file named by the NEWSMELL_SAMPLE_FILE environment
 * variable, when set.
 */
final class SampleIds {

    private final Path file;
    private String sessionId;
    private String userId;
    private String perfumeId;
    private String recommendationId;
    private long writtenAt;

    private SampleIds(Path file) {
        this.file = file;
    }

    static SampleIds fromEnvironment() {
        String name = System.getenv("NEWSMELL_SAMPLE_FILE");
        return name == null || name.isBlank() ? null : new SampleIds(Path.of(name));
    }

    synchronized void accepted(List<UserInteractionEvent> events) {
        for (UserInteractionEvent e : events) {
            if (e.isBot()) {
                continue;
            }
            sessionId = e.sessionId();
            if (e.eventType() == InteractionEventType.PERFUME_VIEW && e.perfumeId() != null && e.userId() != null) {
                userId = e.userId();
                perfumeId = e.perfumeId();
            }
            if (e.eventType() == InteractionEventType.RECOMMENDATION_SHOWN && e.recommendationId() != null) {
                recommendationId = e.recommendationId();
            }
        }
        long now = System.currentTimeMillis();
        if (now - writtenAt > 1000 && userId != null && perfumeId != null && recommendationId != null) {
            write();
            writtenAt = now;
        }
    }

    private void write() {
        String text = "SESSION_ID=" + sessionId + "\nUSER_ID=" + userId + "\nPERFUME_ID=" + perfumeId
                + "\nRECOMMENDATION_ID=" + recommendationId + "\n";
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
