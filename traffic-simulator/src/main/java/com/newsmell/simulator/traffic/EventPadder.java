package com.newsmell.simulator.traffic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.EventCodec;
import com.newsmell.contract.Limits;
import com.newsmell.contract.UserInteractionEvent;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Grows events to a target serialized size (for benchmarks) by adding filler strings to {@code eventData}
 * ({@value #FIELD}, then {@code _filler1}, ... each at most {@value #CHUNK} characters, within the contract's
 * limits). Events already at least as large as the target are returned unchanged. The filler is pseudo-random text,
 * so that it does not compress away.
 */
public final class EventPadder {

    /** Name of the filler field in eventData. */
    public static final String FIELD = "_filler";

    static final int CHUNK = 2_000;

    private static final String NOISE;

    static {
        SplittableRandom rng = new SplittableRandom(20_251_101L);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ";
        StringBuilder sb = new StringBuilder(CHUNK * 2);
        for (int i = 0; i < CHUNK * 2; i++) {
            sb.append(alphabet.charAt(rng.nextInt(alphabet.length())));
        }
        NOISE = sb.toString();
    }

    private EventPadder() {}

    /** The UTF-8 size of the event's wire JSON ({@link EventCodec#toJson}). */
    public static int size(UserInteractionEvent event) {
        return EventCodec.toJson(event).getBytes(StandardCharsets.UTF_8).length;
    }

    /** The event grown to about {@code targetBytes}; unchanged when {@code targetBytes <= 0} or already larger. */
    public static UserInteractionEvent pad(UserInteractionEvent event, int targetBytes) {
        if (targetBytes <= 0) {
            return event;
        }
        int size = size(event);
        if (size >= targetBytes) {
            return event;
        }
        int maxData = Limits.MAX_EVENT_DATA_BYTES - 256;
        ObjectNode data = event.eventData().deepCopy();
        UserInteractionEvent padded = event;
        int offset = Math.floorMod(event.eventId() == null ? 0 : event.eventId().hashCode(), CHUNK);
        for (int i = 0; size < targetBytes; i++) {
            String field = i == 0 ? FIELD : FIELD + i;
            data.put(field, "");
            int empty = size(padded.toBuilder().eventData(data).build());
            int fill = Math.min(CHUNK, targetBytes - empty);
            int dataSize = data.toString().length();
            if (fill <= 0 || dataSize + fill > maxData) {
                data.remove(field);
                break;
            }
            data.put(field, NOISE.substring(offset, offset + fill));
            padded = padded.toBuilder().eventData(data.deepCopy()).build();
            size = size(padded);
        }
        return padded;
    }
}
