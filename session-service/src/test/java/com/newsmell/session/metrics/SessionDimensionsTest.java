package com.newsmell.session.metrics;

import static com.newsmell.session.metrics.BucketsTest.assertBad;
import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.toolkit.api.Filters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The filters of the session metrics as SQL, and the deprecated parameters' rules. */
class SessionDimensionsTest {

    private static Filters filters(String value) {
        return Filters.parse(value, SessionDimensions.NAMES);
    }

    @Test
    @DisplayName("== is col in (...), with (unknown) also col is null; != negates it and keeps the rows without a"
            + " value unless (unknown) is listed; ; is and; the values are parameters after the ones already bound")
    void filtersAsSql() {
        List<Object> params = new ArrayList<>(List.of("x", "y"));

        String where = SessionDimensions.where(
                filters("country==DE|FR;deviceType!=(unknown);browser!=Safari;os==(unknown)"), params);

        assertThat(where)
                .isEqualTo("(location in (?3, ?4)) and (device_type is not null and true) and (browser is null or"
                        + " not (browser in (?5))) and ((false) or os is null)");
        assertThat(params).containsExactly("x", "y", "DE", "FR", "Safari");
        assertThat(SessionDimensions.where(Filters.NONE, params)).isEqualTo("true");
    }

    @Test
    @DisplayName("referrer, entryPage and exitPage are indexed by their first 512 characters: == compares that prefix"
            + " first (the index), then the whole value")
    void longTextDimensionsUseTheirPrefixIndex() {
        List<Object> params = new ArrayList<>();

        String where = SessionDimensions.where(filters("entryPage==/home|(unknown);exitPage!=/x"), params);

        assertThat(where)
                .isEqualTo("((left(entry_page, 512) in (left(?1, 512)) and entry_page in (?1)) or entry_page is null)"
                        + " and (exit_page is null or not (exit_page in (?2)))");
        assertThat(params).containsExactly("/home", "/x");
    }

    @Test
    @DisplayName("the breakdown value of a row without one is (unknown)")
    void unknownValue() {
        assertThat(SessionDimensions.value("country")).isEqualTo("coalesce(location, '(unknown)')");
        assertThat(SessionDimensions.DEVICE_TYPES).containsExactly("desktop", "mobile", "tablet");
    }

    @Test
    @DisplayName("deviceType=X (deprecated) is filters=deviceType==X, its value checked: deviceType=phone is 400"
            + " deviceType/enum (it was a 200 with empty buckets); with filters naming deviceType too, 400 repeated")
    void deprecatedDeviceTypeIsAFilter() {
        assertThat(MetricsService.withDeviceType(filters("country==DE"), "mobile")
                        .echo())
                .containsExactly(java.util.Map.entry("country", "==DE"), java.util.Map.entry("deviceType", "==mobile"));
        assertThat(MetricsService.withDeviceType(Filters.NONE, "(unknown)").conditions())
                .singleElement()
                .satisfies(c -> assertThat(c.includesUnknown()).isTrue());
        assertThat(MetricsService.withDeviceType(Filters.NONE, null)).isEqualTo(Filters.NONE);
        assertBad(() -> MetricsService.withDeviceType(Filters.NONE, "phone"), "deviceType", "enum");
        assertBad(
                () -> MetricsService.withDeviceType(filters("deviceType==tablet"), "mobile"), "deviceType", "repeated");
    }

    @Test
    @DisplayName("search metrics: limit sizes the top lists (1-1000, default 100); top is its deprecated alias")
    void topIsTheDeprecatedLimit() {
        assertThat(MetricsService.topSize(null, null)).isEqualTo(100);
        assertThat(MetricsService.topSize("7", null)).isEqualTo(7);
        assertThat(MetricsService.topSize(null, "3")).isEqualTo(3);
        assertBad(() -> MetricsService.topSize("1001", null), "limit", "range");
        assertBad(() -> MetricsService.topSize(null, "0"), "top", "range");
        assertBad(() -> MetricsService.topSize("5", "5"), "top", "repeated");
    }
}
