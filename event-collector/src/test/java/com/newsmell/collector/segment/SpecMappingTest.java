package com.newsmell.collector.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.EventCodec;
import com.newsmell.contract.EventParser;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.ParseResult;
import com.newsmell.contract.Violation;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ADR 0060's mapping table, message by message. Plain unit tests (the contract's parser, no Quarkus). */
class SpecMappingTest {

    static final Instant RECEIVED = Instant.parse("2026-12-06T10:01:00Z");
    static final SpecMapping.Request REQUEST = new SpecMapping.Request("key-a", "web", RECEIVED, null, null, Set.of());

    static JsonNode json(String text) {
        try {
            return EventCodec.mapper().readTree(text.replace('\'', '"'));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode event(String message, String type, SpecMapping.Request request) {
        SpecMapping.Mapped mapped = SpecMapping.map(json(message), type, request);
        assertThat(mapped).isInstanceOf(SpecMapping.Event.class);
        return ((SpecMapping.Event) mapped).event();
    }

    static ObjectNode track(String name, String properties) {
        return event(
                "{'anonymousId':'anon-1','event':'" + name + "','properties':" + properties + "}", "track", REQUEST);
    }

    static Violation unmapped(String message, String type) {
        SpecMapping.Mapped mapped = SpecMapping.map(json(message), type, REQUEST);
        assertThat(mapped).isInstanceOf(SpecMapping.Unmapped.class);
        return ((SpecMapping.Unmapped) mapped).violations().get(0);
    }

    @ParameterizedTest
    @CsvSource({
        "Product Viewed, PERFUME_VIEW",
        "Products Searched, SEARCH_PERFORMED",
        "Product Added to Wishlist, WISHLIST_ADD",
        "Product Removed from Wishlist, WISHLIST_REMOVE",
        "Product Reviewed, REVIEW_SUBMITTED",
        "Checkout Started, PURCHASE_INITIATED",
        "Order Completed, PURCHASE_COMPLETED",
        "WISHLIST_ADD, WISHLIST_ADD",
        "HOUSE_LINK_CLICKED, HOUSE_LINK_CLICKED"
    })
    void ecommerceNamesAndOurOwnNamesMapToOurTypes(String name, InteractionEventType type) {
        ObjectNode event = track(name, "{'product_id':'p-4','name':'Oud Wood'}");
        assertThat(event.path("eventType").asText()).isEqualTo(type.name());
        assertThat(event.path("perfumeId").asText()).isEqualTo("p-4");
        assertThat(event.path("eventData").has("product_id")).isFalse();
        assertThat(event.path("eventData").path("name").asText()).isEqualTo("Oud Wood");
        assertThat(event.path("anonymousId").asText()).isEqualTo("anon-1");
    }

    @Test
    void productClickedIsARecommendationOrASearchClickByItsProperties() {
        ObjectNode reco = track("Product Clicked", "{'product_id':'p-4','recommendation_id':'r-9','position':3}");
        assertThat(reco.path("eventType").asText()).isEqualTo("RECOMMENDATION_CLICKED");
        assertThat(reco.path("recommendationId").asText()).isEqualTo("r-9");
        assertThat(reco.path("eventData").path("position").asInt())
                .as("Segment's position is 1-based, ours 0-based")
                .isEqualTo(2);
        ObjectNode search = track("Product Clicked", "{'sku':'p-5','query':'oud','search_id':'s-1','position':1}");
        assertThat(search.path("eventType").asText()).isEqualTo("SEARCH_RESULT_CLICKED");
        assertThat(search.path("perfumeId").asText())
                .as("sku when no product_id")
                .isEqualTo("p-5");
        assertThat(search.path("eventData").path("query").asText()).isEqualTo("oud");
        assertThat(search.path("eventData").path("searchId").asText()).isEqualTo("s-1");
        assertThat(search.path("eventData").path("position").asInt()).isZero();
        Violation nothing =
                unmapped("{'userId':'u','event':'Product Clicked','properties':{'product_id':'p-4'}}", "track");
        assertThat(nothing.pointer()).isEqualTo("/event");
        assertThat(nothing.rule()).isEqualTo(SpecMapping.RULE_UNMAPPED);
    }

    @Test
    void aNumericProductIdIsItsText() {
        assertThat(track("Product Viewed", "{'product_id':507}")
                        .path("perfumeId")
                        .asText())
                .isEqualTo("507");
    }

    @Test
    void anUnknownEventNameAGroupAndAnUnknownTypeMapToNothing() {
        Violation name = unmapped("{'userId':'u','event':'Signed Up'}", "track");
        assertThat(name.rule()).isEqualTo(SpecMapping.RULE_UNMAPPED);
        assertThat(name.message()).contains("Signed Up");
        assertThat(unmapped("{'userId':'u','groupId':'g'}", "group").rule()).isEqualTo(SpecMapping.RULE_UNMAPPED);
        assertThat(unmapped("{'userId':'u','type':'bogus'}", null).pointer()).isEqualTo("/type");
        assertThat(unmapped("[1]", "track").rule()).isEqualTo(Violation.RULE_TYPE);
        assertThat(unmapped("{'userId':'u','event':'Product Viewed','properties':[1]}", "track")
                        .pointer())
                .isEqualTo("/properties");
    }

    @Test
    void pageIsAPageViewWithTheContextsPageAndScreenTooByItsName() {
        ObjectNode page = event(
                "{'userId':'u-1','name':'Home','properties':{'url':'https://shop.example/p/4?x=1'},"
                        + "'context':{'page':{'referrer':'https://google.com/','url':'https://shop.example/p/4?x=1'},"
                        + "'ip':'203.0.113.9','userAgent':'Mozilla/5.0','locale':'de-DE','timezone':'Europe/Berlin',"
                        + "'sessionId':1733480000}}",
                "page",
                REQUEST);
        assertThat(page.path("eventType").asText()).isEqualTo("PAGE_VIEW");
        assertThat(page.path("path").asText()).as("the url's path").isEqualTo("/p/4");
        assertThat(page.path("referrer").asText()).isEqualTo("https://google.com/");
        assertThat(page.path("userAgent").asText()).isEqualTo("Mozilla/5.0");
        assertThat(page.path("sessionId").asText())
                .as("RudderStack's numeric sessionId")
                .isEqualTo("1733480000");
        assertThat(page.path("eventData").path("title").asText()).isEqualTo("Home");
        assertThat(page.path("eventData").path("locale").asText()).isEqualTo("de-DE");
        assertThat(page.path("eventData").path("timezone").asText()).isEqualTo("Europe/Berlin");
        SpecMapping.Event mapped = (SpecMapping.Event)
                SpecMapping.map(json("{'userId':'u','context':{'ip':'203.0.113.9'}}"), "page", REQUEST);
        assertThat(mapped.clientIp()).isEqualTo("203.0.113.9");

        ObjectNode screen = event("{'userId':'u-1','name':'Checkout'}", "screen", REQUEST);
        assertThat(screen.path("eventType").asText()).isEqualTo("PAGE_VIEW");
        assertThat(screen.path("eventData").path("title").asText()).isEqualTo("Checkout");
        assertThat(screen.has("path")).isFalse();
    }

    @Test
    void theBatchContextIsEachMessagesDefault() {
        SpecMapping.Request batch = new SpecMapping.Request(
                "key-a",
                "web",
                RECEIVED,
                json("'2026-12-06T10:00:05Z'"),
                json("{'page':{'path':'/batch'},'userAgent':'batch-agent'}"),
                Set.of());
        ObjectNode event = event("{'userId':'u','context':{'page':{'path':'/own'}}}", "page", batch);
        assertThat(event.path("path").asText()).isEqualTo("/own");
        assertThat(event.path("userAgent").asText()).isEqualTo("batch-agent");
        assertThat(event.path("sentAt").asText()).isEqualTo("2026-12-06T10:00:05Z");
    }

    @Test
    void idsAndTimes() {
        ObjectNode event =
                event("{'userId':'u','messageId':'m-1','originalTimestamp':'2026-12-06T10:00:00Z'}", "page", REQUEST);
        assertThat(event.path("eventId").asText()).isEqualTo(SpecIds.eventId("key-a", "m-1"));
        assertThat(event.path("timestamp").asText())
                .as("RudderStack's originalTimestamp")
                .isEqualTo("2026-12-06T10:00:00Z");
        ObjectNode undated = event("{'userId':'u'}", "page", REQUEST);
        assertThat(undated.path("timestamp").asText()).isEqualTo(RECEIVED.toString());
        assertThat(undated.has("eventId")).isFalse();
    }

    @Test
    void identifyLinksTheIdsAndKeepsOnlyAllowedTraits() {
        String identify = "{'userId':'u-1','anonymousId':'a-1','traits':{'email':'x@example.com','plan':'pro'}}";
        SpecMapping.Link link = (SpecMapping.Link) SpecMapping.map(json(identify), "identify", REQUEST);
        assertThat(link.link().anonymousId()).isEqualTo("a-1");
        assertThat(link.link().userId()).isEqualTo("u-1");
        assertThat(link.link().via()).isEqualTo("identify");
        assertThat(link.link().traits()).as("no trait by default").isNull();
        SpecMapping.Request allowPlan = new SpecMapping.Request("key-a", "web", RECEIVED, null, null, Set.of("plan"));
        SpecMapping.Link kept = (SpecMapping.Link) SpecMapping.map(json(identify), "identify", allowPlan);
        assertThat(kept.link().traits()).hasToString("{\"plan\":\"pro\"}");
        assertThat(kept.link().toJson()).doesNotContain("x@example.com");
        SpecMapping.Link none = (SpecMapping.Link) SpecMapping.map(json("{'userId':'u-1'}"), "identify", REQUEST);
        assertThat(none.link()).isNull();
    }

    @Test
    void aliasLinksPreviousIdToUserId() {
        SpecMapping.Link link =
                (SpecMapping.Link) SpecMapping.map(json("{'previousId':'a-1','userId':'u-1'}"), "alias", REQUEST);
        assertThat(link.link().anonymousId()).isEqualTo("a-1");
        assertThat(link.link().via()).isEqualTo("alias");
        assertThat(unmapped("{'userId':'u-1'}", "alias").pointer()).isEqualTo("/previousId");
    }

    @Test
    void theMappedEventPassesTheSpecRulesWithoutSessionIdOrPathButNotWithoutAnyId() {
        ParseResult ok = EventParser.parseSpec(track("Product Viewed", "{'product_id':'p-4'}"));
        assertThat(ok.violations()).isEmpty();
        assertThat(ok.event().sessionId()).isNull();
        assertThat(ok.event().partitionKey()).isEqualTo("anon-1");
        ObjectNode anonymous = track("Product Viewed", "{'product_id':'p-4'}");
        anonymous.remove("anonymousId");
        assertThat(EventParser.parseSpec(anonymous).violations())
                .extracting(Violation::pointer, Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/anonymousId", "required"));
        assertThat(EventParser.parse(track("Product Viewed", "{'product_id':'p-4'}"))
                        .violations())
                .as("a native submission still needs sessionId and path")
                .extracting(Violation::pointer)
                .contains("/sessionId", "/path");
        ObjectNode click = track("Product Clicked", "{'product_id':'p-4','recommendation_id':'r-1','position':0}");
        assertThat(EventParser.parseSpec(click).violations())
                .as("position 0 is no 1-based position")
                .extracting(Violation::pointer)
                .contains("/eventData/position");
    }
}
