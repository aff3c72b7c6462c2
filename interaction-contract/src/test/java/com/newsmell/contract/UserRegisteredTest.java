package com.newsmell.contract;

import static com.newsmell.contract.TestEvents.decodeViolations;
import static com.newsmell.contract.TestEvents.event;
import static com.newsmell.contract.TestEvents.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.data.RegistrationData;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ADR 0020: USER_REGISTERED, category ACCOUNT: a known user's signup, its timestamp the signup time; eventData
 * {@code signupMethod} optional and closed.
 */
class UserRegisteredTest {

    private static ObjectNode signup(String eventData, String... edits) {
        return event("USER_REGISTERED", eventData, edits);
    }

    @Test
    void aSignupIsAnAccountEventOfItsUserAtItsTimestamp() {
        ParseResult r = EventParser.parse(signup("{\"signupMethod\":\"google\"}", "-perfumeId", "-recommendationId"));

        assertTrue(r.valid(), () -> r.violations().toString());
        UserInteractionEvent e = r.event();
        assertEquals(InteractionEventType.USER_REGISTERED, e.eventType());
        assertEquals(InteractionCategory.ACCOUNT, e.eventCategory());
        assertEquals("u-1", e.userId());
        assertEquals(Instant.parse("2024-05-01T12:00:00Z"), e.timestamp());
        assertEquals(new RegistrationData("google"), e.data());
    }

    @Test
    void eventDataMayBeAbsentOrEmpty() {
        assertEquals(List.of(), violations(signup("{}")));
        assertEquals(List.of(), violations(signup("{}", "-eventData")));
        assertInstanceOf(
                RegistrationData.class, EventParser.parse(signup("{}")).event().data());
        assertEquals(
                new RegistrationData(null),
                EventParser.parse(signup("{}")).event().data());
    }

    @ParameterizedTest(name = "signupMethod {0} is accepted")
    @ValueSource(strings = {"email", "google", "apple", "facebook", "other"})
    void everyListedSignupMethodIsAccepted(String method) {
        assertEquals(List.of(), violations(signup("{\"signupMethod\":\"" + method + "\"}")));
    }

    @ParameterizedTest(name = "signupMethod {0} fails")
    @ValueSource(strings = {"\"Google\"", "\"github\"", "\"\"", "3", "true"})
    void anyOtherSignupMethodFails(String method) {
        String rule = method.startsWith("\"") ? "enum" : "type";
        assertEquals(
                List.of("/eventData/signupMethod " + rule), violations(signup("{\"signupMethod\":" + method + "}")));
    }

    @Test
    void unknownEventDataMembersAreKeptLikeEveryTypes() {
        UserInteractionEvent e =
                EventParser.parse(signup("{\"plan\":\"free\"}")).event();
        assertEquals("free", e.eventData().get("plan").textValue());
    }

    @ParameterizedTest(name = "userId {0}: required, at the door and when decoded")
    @ValueSource(strings = {"-userId", "userId=null", "userId=\"\"", "userId=\"  \""})
    void aSignupWithoutAUserFailsInBothModes(String edit) {
        assertEquals(List.of("/userId required"), violations(signup("{}", edit)));
        assertEquals(List.of("/userId required"), decodeViolations(signup("{}", edit)));
    }

    @Test
    void otherTypesStillNeedNoUser() {
        assertEquals(List.of(), violations(event("PAGE_VIEW", "{}", "-userId")));
        assertEquals(List.of(InteractionEventType.USER_REGISTERED), List.copyOf(EventParser.REQUIRES_USER_ID));
    }

    @Test
    void theCategoryMustBeAccount() {
        assertEquals(List.of(), violations(signup("{}", "eventCategory=\"ACCOUNT\"")));
        assertEquals(List.of("/eventCategory mismatch"), violations(signup("{}", "eventCategory=\"SOCIAL\"")));
        assertEquals(
                List.of("/eventCategory mismatch"), violations(event("PAGE_VIEW", "{}", "eventCategory=\"ACCOUNT\"")));
    }

    @Test
    void roundTripsThroughTheCodec() {
        UserInteractionEvent parsed =
                EventParser.parse(signup("{\"signupMethod\":\"email\"}")).event();
        UserInteractionEvent back = EventCodec.fromJson(EventCodec.toJson(parsed));
        assertEquals(parsed, back);
        assertEquals(new RegistrationData("email"), back.data());
    }
}
