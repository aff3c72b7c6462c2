package com.newsmell.contract.data;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** eventData of every event type without a dedicated schema; keeps the raw object. */
public record GenericData(ObjectNode data) implements EventData {}
