package com.newsmell.e2e;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression selects (issue 18): what a dashboard panel or an alert needs some service to
 * expose. Functions, aggregations, keywords, label names (in matchers, {@code by}/{@code without}/{@code on}/
 * {@code ignoring}/{@code group_left}/{@code group_right} lists), strings, durations and Grafana variables are not.
 */
final class PromQlMetricNames {

    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "or",
            "unless",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "offset",
            "bool",
            "inf",
            "nan",
            "atan2");
    private static final Set<String> LABEL_LISTS =
            Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
    private static final Pattern NAME_MATCHER =
            Pattern.compile("__name__\\s*=\\s*[\"']([A-Za-z_:][A-Za-z0-9_:]*)[\"']");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\s*\\(([^()]*)\\)");
    private static final Pattern GRAFANA_VARIABLE =
            Pattern.compile("\\$\\{[^}]*}|\\$[A-Za-z_][A-Za-z0-9_]*|\\[\\[[^]]*]]");

    private PromQlMetricNames() {}

    static Set<String> of(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher byName = NAME_MATCHER.matcher(expression);
        while (byName.find()) {
            names.add(byName.group(1));
        }
        String e = withoutComments(expression);
        e = withoutStrings(e);
        e = GRAFANA_VARIABLE.matcher(e).replaceAll(" ");
        e = labelValuesSelectors(e);
        e = e.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ");
        int i = 0;
        while (i < e.length()) {
            char c = e.charAt(i);
            boolean startsName = (Character.isLetter(c) || c == '_' || c == ':')
                    && (i == 0
                            || !(Character.isLetterOrDigit(e.charAt(i - 1))
                                    || e.charAt(i - 1) == '_'
                                    || e.charAt(i - 1) == '.'));
            if (!startsName) {
                i++;
                continue;
            }
            int end = i;
            while (end < e.length()
                    && (Character.isLetterOrDigit(e.charAt(end)) || e.charAt(end) == '_' || e.charAt(end) == ':')) {
                end++;
            }
            String word = e.substring(i, end);
            int next = end;
            while (next < e.length() && Character.isWhitespace(e.charAt(next))) {
                next++;
            }
            // a call, or an aggregation with its grouping first: sum by (le) (...)
            boolean call = next < e.length() && e.charAt(next) == '('
                    || e.startsWith("by", next) && groupingFollows(e, next + 2)
                    || e.startsWith("without", next) && groupingFollows(e, next + 7);
            if (LABEL_LISTS.contains(word.toLowerCase(java.util.Locale.ROOT)) && call) {
                int close = e.indexOf(')', next);
                i = close < 0 ? e.length() : close + 1; // a list of label names
            } else {
                if (!call && !KEYWORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                    names.add(word);
                }
                i = end;
            }
        }
        return names;
    }

    /** Whether a label list {@code (...)} follows position {@code from} (after spaces). */
    private static boolean groupingFollows(String e, int from) {
        int i = from;
        while (i < e.length() && Character.isWhitespace(e.charAt(i))) {
            i++;
        }
        return i < e.length() && e.charAt(i) == '(';
    }

    /** Grafana's {@code label_values(selector, label)}: the selector's names count, the label does not. */
    private static String labelValuesSelectors(String e) {
        Matcher m = LABEL_VALUES.matcher(e);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String args = m.group(1);
            int comma = args.lastIndexOf(',');
            m.appendReplacement(out, Matcher.quoteReplacement(comma < 0 ? " " : " " + args.substring(0, comma) + " "));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String withoutComments(String e) {
        return e.replaceAll("(?m)#.*$", " ");
    }

    private static String withoutStrings(String e) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote != '`') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                    out.append(' ');
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
