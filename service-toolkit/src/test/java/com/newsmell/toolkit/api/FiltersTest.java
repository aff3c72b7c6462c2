package com.newsmell.toolkit.api;

import static com.newsmell.toolkit.api.Problems.assertRule;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ADR 0015, "Breakdowns and filters": Plausible's filter syntax, "(unknown)" as a value, index-friendly SQL. */
class FiltersTest {

    private static final List<String> DIMENSIONS = List.of("country", "deviceType", "browser");
    private static final Map<String, String> COLUMNS =
            Map.of("country", "location", "deviceType", "device_type", "browser", "browser");

    @Test
    void conditionsAreAndedAndValuesAreAnyOf() {
        Filters f = Filters.parse("country==DE|FR;deviceType!=mobile", DIMENSIONS);
        assertThat(f.conditions()).hasSize(2);
        assertThat(f.test(row("DE", "desktop"))).isTrue();
        assertThat(f.test(row("FR", null))).isTrue();
        assertThat(f.test(row("FR", "mobile"))).isFalse();
        assertThat(f.test(row("US", "desktop"))).isFalse();
        assertThat(f.echo()).containsExactly(Map.entry("country", "==DE|FR"), Map.entry("deviceType", "!=mobile"));
    }

    @Test
    void unknownSelectsTheRowsWithoutAValue() {
        Filters only = Filters.parse("deviceType==(unknown)", DIMENSIONS);
        assertThat(only.test(row("DE", null))).isTrue();
        assertThat(only.test(row("DE", "mobile"))).isFalse();
        Filters not = Filters.parse("deviceType!=(unknown)", DIMENSIONS);
        assertThat(not.test(row("DE", null))).isFalse();
        assertThat(not.test(row("DE", "mobile"))).isTrue();
    }

    @Test
    void theSqlIsOnePredicatePerConditionOverTheColumns() {
        Filters.Sql sql = Filters.parse("country==DE|(unknown);deviceType!=mobile", DIMENSIONS)
                .toSql(COLUMNS, 3);
        assertThat(sql.where())
                .isEqualTo("(location in (?3) or location is null) and (device_type is null or not (device_type in"
                        + " (?4)))");
        assertThat(sql.parameters()).containsExactly(List.of("DE"), List.of("mobile"));
        assertThat(Filters.parse("browser!=(unknown)", DIMENSIONS)
                        .toSql(COLUMNS, 1)
                        .where())
                .isEqualTo("(browser is not null and true)");
        assertThat(Filters.NONE.toSql(COLUMNS, 1).where()).isEqualTo("true");
    }

    @Test
    void placeholdersAndValuesFitTheQuery() {
        Filters.Sql sql = Filters.parse("country!=FR|US;browser==7", DIMENSIONS)
                .toSql(COLUMNS, n -> ":f" + n, (d, v) -> d.equals("browser") ? Integer.valueOf(v) : v);
        assertThat(sql.where()).isEqualTo("(location is null or not (location in (:f0))) and (browser in (:f1))");
        assertThat(sql.parameters()).containsExactly(List.of("FR", "US"), List.of(7));
    }

    @Test
    void badFiltersNameTheParameterAndTheRule() {
        assertRule(() -> Filters.parse("country=DE", DIMENSIONS), "filters", "format");
        assertRule(() -> Filters.parse("country==", DIMENSIONS), "filters", "format");
        assertRule(() -> Filters.parse("country==DE|", DIMENSIONS), "filters", "format");
        assertRule(() -> Filters.parse("planet==earth", DIMENSIONS), "filters", "enum");
        assertRule(
                () -> Filters.parse("deviceType==phone", DIMENSIONS)
                        .checkValues("deviceType", List.of("mobile", "tablet", "desktop")),
                "filters",
                "enum");
        Filters.parse("deviceType==(unknown)|mobile", DIMENSIONS)
                .checkValues("deviceType", List.of("mobile", "tablet", "desktop"));
    }

    @Test
    void breakdownAndCompareAreCheckedToo() {
        assertThat(Breakdown.parse(null, DIMENSIONS)).isNull();
        assertThat(Breakdown.parse("country", DIMENSIONS)).isEqualTo("country");
        assertRule(() -> Breakdown.parse("planet", DIMENSIONS), "breakdown", "enum");
        assertThat(Breakdown.value(null)).isEqualTo(ApiConvention.UNKNOWN);
        assertThat(Breakdown.comparePrevious("previous_period")).isTrue();
        assertThat(Breakdown.comparePrevious(null)).isFalse();
        assertRule(() -> Breakdown.comparePrevious("last_year"), "compare", "enum");
    }

    private static Map<String, String> row(String country, String deviceType) {
        Map<String, String> row = new HashMap<>();
        row.put("country", country);
        row.put("deviceType", deviceType);
        return row;
    }
}
