package com.newsmell.toolkit.api;

import java.util.Locale;

/**
 * Example values for the OpenAPI documents' bodies ({@link BodyExamples}), chosen by a property's name in the seed's
 * vocabulary: ids look like the simulator's, times are UTC instants, rates are shares, counts are counts.
 */
final class ExampleVocabulary {

    static final String INSTANT = "2026-12-01T09:30:00Z";
    static final String DATE = "2026-11-30";

    private ExampleVocabulary() {}

    static String string(String name, String format) {
        if ("date-time".equals(format)) {
            return INSTANT;
        }
        if ("date".equals(format)) {
            return DATE;
        }
        if ("uuid".equals(format)) {
            return "0b7e5c2a-4f1d-4e8a-9c3b-6d2f8a1e7b40";
        }
        String n = name == null ? "" : name;
        String lower = n.toLowerCase(Locale.ROOT);
        if (lower.endsWith("userid")) {
            return "user-1042";
        }
        if (lower.endsWith("perfumeid")) {
            return "perfume-317";
        }
        if (lower.endsWith("sessionid")) {
            return "session-7f3a9c";
        }
        if (lower.endsWith("recommendationid")) {
            return "rec-20261201-0042";
        }
        if (lower.endsWith("searchid")) {
            return "search-5d21";
        }
        if (lower.endsWith("segmentid")) {
            return "segment-3";
        }
        if (lower.endsWith("houseid")) {
            return "house-12";
        }
        if (lower.equals("anonymousid")) {
            return "anon-9c1e2b";
        }
        return switch (lower) {
            case "tz", "timezone" -> "Europe/Berlin";
            case "granularity" -> "day";
            case "nextcursor", "cursor" -> "eyJrIjoiMjAyNi0xMi0wMVQwOTozMDowMFoifQ";
            case "query", "querytext", "term" -> "vanilla oud";
            case "devicetype" -> "mobile";
            case "browser" -> "Firefox";
            case "os" -> "Android";
            case "location" -> "DE";
            case "referrer" -> "https://www.google.com/";
            case "entrypage", "exitpage" -> "/perfumes/perfume-317";
            case "source", "signupsource" -> "homepage";
            case "algorithm" -> "collaborative";
            case "algorithmversion" -> "cf-2.3";
            case "housename" -> "Maison Lumière";
            case "name", "title" -> "Amber Nights";
            case "perfumetype", "concentration" -> "EDP";
            case "pricecurrency" -> "EUR";
            case "sha256" -> "9f2c4a1e7b3d5c6e8a0b1d2f4e6a8c0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a1c";
            case "job" -> "profiles";
            case "cron" -> "0 15 3 * * ?";
            case "status" -> "succeeded";
            default -> n.isEmpty() ? "example" : n + "-1";
        };
    }

    static long integer(String name) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (lower.contains("position") || lower.equals("rank") || lower.equals("index")) {
            return 3;
        }
        if (lower.contains("version") || lower.equals("revision") || lower.equals("attempt")) {
            return 2;
        }
        if (lower.endsWith("ms")) {
            return 4200;
        }
        if (lower.contains("year")) {
            return 2019;
        }
        if (lower.contains("days")) {
            return 12;
        }
        return 42;
    }

    static double number(String name) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (lower.contains("rating") && !lower.contains("rate")) {
            return 4.2;
        }
        if (lower.contains("rate")
                || lower.contains("ctr")
                || lower.contains("share")
                || lower.contains("confidence")
                || lower.contains("propensity")
                || lower.contains("similarity")
                || lower.contains("score")
                || lower.contains("risk")
                || lower.contains("value")
                || lower.equals("weight")) {
            return 0.25;
        }
        if (lower.endsWith("ms")) {
            return 4200.0;
        }
        if (lower.contains("price") || lower.equals("min") || lower.equals("max")) {
            return 89.9;
        }
        return 3.5;
    }

    static boolean bool(String name) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return !(lower.startsWith("is") || lower.contains("bot") || lower.contains("deprecated"));
    }

    static String key(String name) {
        return name == null ? "key" : name.toLowerCase(Locale.ROOT).contains("source") ? "search" : "mobile";
    }
}
