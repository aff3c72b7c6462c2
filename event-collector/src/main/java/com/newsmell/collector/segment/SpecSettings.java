package com.newsmell.collector.segment;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.collector.writekey.WriteKey;

/**
 * The browser SDKs' settings documents (ADR 0060), pure. analytics-next sends to {@code
 * <protocol>://<apiHost>/<letter>} of its {@code Segment.io} integration, so the collector's short paths under
 * {@code /v1} take its events; everything else is turned off (no destination, remote plugin, metrics or edge
 * function). rudder-sdk-js needs its source enabled, without destinations; its data plane URL is given at load.
 */
final class SpecSettings {

    /** Where the SDK sends: protocol ({@code https}) and host with port and path ({@code collector.example/v1}). */
    record Where(String protocol, String apiHost) {}

    private SpecSettings() {}

    static ObjectNode segment(String writeKey, Where where) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode settings = json.objectNode();
        ObjectNode segmentIo = settings.putObject("integrations").putObject("Segment.io");
        segmentIo
                .put("apiKey", writeKey)
                .put("apiHost", where.apiHost())
                .put("protocol", where.protocol())
                .put("addBundledMetadata", true);
        segmentIo.putArray("unbundledIntegrations");
        segmentIo.putObject("maybeBundledConfigIds");
        ObjectNode plan = settings.putObject("plan");
        plan.putObject("track").putObject("__default").put("enabled", true).putObject("integrations");
        plan.putObject("identify").putObject("__default").put("enabled", true);
        plan.putObject("group").putObject("__default").put("enabled", true);
        settings.putObject("edgeFunction");
        settings.put("analyticsNextEnabled", true);
        settings.putObject("middlewareSettings");
        settings.putObject("enabledMiddleware");
        settings.putObject("metrics").put("sampleRate", 0);
        settings.put("legacyVideoPluginsEnabled", false);
        settings.putArray("remotePlugins");
        return settings;
    }

    static ObjectNode rudderStack(String writeKey, WriteKey key) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode source = body.put("isHosted", false).putObject("source");
        ObjectNode stats = source.putObject("config").putObject("statsCollection");
        stats.putObject("errors").put("enabled", false);
        stats.putObject("metrics").put("enabled", false);
        source.put("id", key.id())
                .put("name", key.source())
                .put("writeKey", writeKey)
                .put("workspaceId", "newsmell")
                .put("enabled", true);
        source.putArray("destinations");
        return body;
    }
}
