package com.newsmell.toolkit.api;

import java.net.URI;
import java.util.Locale;

/**
 * The {@code source} dimension (ADR 0015), as Plausible defines it: the referrer's host, lower-cased and without a
 * leading {@code www.}, or {@link ApiConvention#DIRECT} without a usable referrer. Computed once, when a row is
 * written, so that the dimension can be indexed.
 */
public final class TrafficSource {

    /** The longest source kept; longer hosts are cut (a host has at most 253 characters). */
    public static final int MAX_LENGTH = 253;

    private TrafficSource() {}

    public static String of(String referrer) {
        if (referrer == null || referrer.isBlank()) {
            return ApiConvention.DIRECT;
        }
        String host;
        try {
            host = URI.create(referrer.trim()).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        if (host == null) {
            host = hostByHand(referrer.trim());
        }
        if (host == null || host.isBlank()) {
            return ApiConvention.DIRECT;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        if (host.isEmpty()) {
            return ApiConvention.DIRECT;
        }
        return host.length() > MAX_LENGTH ? host.substring(0, MAX_LENGTH) : host;
    }

    /** scheme://[user@]host[:port][/?#...] when java.net.URI refuses the rest of the URL. */
    private static String hostByHand(String url) {
        int scheme = url.indexOf("://");
        if (scheme <= 0) {
            return null;
        }
        String rest = url.substring(scheme + 3);
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int at = rest.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String authority = rest.substring(0, end);
        int user = authority.lastIndexOf('@');
        if (user >= 0) {
            authority = authority.substring(user + 1);
        }
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            return close > 0 ? authority.substring(0, close + 1) : null;
        }
        int port = authority.indexOf(':');
        return port >= 0 ? authority.substring(0, port) : authority;
    }
}
