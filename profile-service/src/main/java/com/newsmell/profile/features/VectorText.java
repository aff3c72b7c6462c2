package com.newsmell.profile.features;

import java.math.BigDecimal;

/**
 * A vector as stored ({@code user_feature_vector.vector}, {@code user_feature_snapshot.vector}) and served: a JSON
 * array of numbers in their shortest plain decimal form ({@code [0,0.25,1]}), so that equal vectors have equal text.
 */
public final class VectorText {

    private VectorText() {}

    public static String write(double[] values) {
        StringBuilder json = new StringBuilder(2 + values.length * 7).append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(number(values[i]));
        }
        return json.append(']').toString();
    }

    static String number(double value) {
        if (value == 0) {
            return "0";
        }
        if (value == 1) {
            return "1";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * The numbers of a JSON array, in order; an empty array gives an empty one.
     *
     * @throws IllegalArgumentException when the text is not a flat JSON array of numbers
     */
    public static double[] read(String json) {
        if (json == null) {
            throw new IllegalArgumentException("no vector");
        }
        int start = json.indexOf('[');
        int end = json.lastIndexOf(']');
        if (start < 0
                || end < start
                || !json.substring(0, start).isBlank()
                || !json.substring(end + 1).isBlank()) {
            throw new IllegalArgumentException("not a JSON array: " + abbreviate(json));
        }
        int count = 0;
        boolean empty = json.substring(start + 1, end).isBlank();
        if (!empty) {
            count = 1;
            for (int i = start + 1; i < end; i++) {
                if (json.charAt(i) == ',') {
                    count++;
                }
            }
        }
        double[] values = new double[count];
        int from = start + 1;
        for (int n = 0; n < count; n++) {
            int comma = n == count - 1 ? end : json.indexOf(',', from);
            String number = json.substring(from, comma).trim();
            try {
                values[n] = Double.parseDouble(number);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("element " + n + " is not a number: " + abbreviate(number));
            }
            if (!Double.isFinite(values[n]) || number.isEmpty() || !isJsonNumberStart(number.charAt(0))) {
                throw new IllegalArgumentException("element " + n + " is not a number: " + abbreviate(number));
            }
            from = comma + 1;
        }
        return values;
    }

    private static boolean isJsonNumberStart(char c) {
        return c == '-' || (c >= '0' && c <= '9');
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
