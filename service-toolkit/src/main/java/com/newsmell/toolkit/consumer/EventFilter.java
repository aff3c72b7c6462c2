package com.newsmell.toolkit.consumer;

import com.newsmell.contract.UserInteractionEvent;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Which events of a batch a consumer may apply at all, asked before every attempt (the toolkit's privacy package
 * drops the events of erased users, ADR 0032). A failure of the filter is retried like the batch's.
 */
public interface EventFilter {

    Uni<List<UserInteractionEvent>> keep(List<UserInteractionEvent> events);
}
