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

    public static double[] read(String json) {
        String body = json.trim();
        body = body.substring(1, body.length() - 1).trim();
        if (body.isEmpty()) {
            return new double[0];
        }
        String[] parts = body.split(",");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Double.parseDouble(parts[i].trim());
        }
        return values;
    }
}
