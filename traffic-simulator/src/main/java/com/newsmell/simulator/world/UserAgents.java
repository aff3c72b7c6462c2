package com.newsmell.simulator.world;

import java.util.List;
import java.util.SplittableRandom;

/** Realistic User-Agent strings of browsers and of a few bots. */
public final class UserAgents {

    /**
     * One client.
     *
     * @param userAgent the User-Agent header value
     * @param deviceType mobile | tablet | desktop
     * @param viewportWidth typical viewport width in CSS pixels (a script replays a headless browser's 800x600)
     * @param viewportHeight typical viewport height in CSS pixels
     * @param bot whether this is a crawler/script
     */
    public record Agent(String userAgent, String deviceType, int viewportWidth, int viewportHeight, boolean bot) {}

    /** Human browsers: desktop Chrome/Firefox/Safari/Edge, iPhone, Android, iPad. */
    public static final List<Agent> HUMANS = List.of(
            new Agent(
                    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
                    "desktop",
                    1536,
                    864,
                    false),
            new Agent(
                    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
                    "desktop",
                    1440,
                    900,
                    false),
            new Agent(
                    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
                    "desktop",
                    1920,
                    1080,
                    false),
            new Agent(
                    "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
                    "desktop",
                    1920,
                    1080,
                    false),
            new Agent(
                    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
                    "desktop",
                    1512,
                    982,
                    false),
            new Agent(
                    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
                    "desktop",
                    1366,
                    768,
                    false),
            new Agent(
                    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
                    "mobile",
                    393,
                    852,
                    false),
            new Agent(
                    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
                    "mobile",
                    390,
                    844,
                    false),
            new Agent(
                    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36",
                    "mobile",
                    412,
                    915,
                    false),
            new Agent(
                    "Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36",
                    "mobile",
                    384,
                    832,
                    false),
            new Agent(
                    "Mozilla/5.0 (iPad; CPU OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
                    "tablet",
                    820,
                    1180,
                    false));

    /** Relative frequency of {@link #HUMANS}: mobile is about half of the traffic. */
    private static final double[] HUMAN_WEIGHTS = {0.16, 0.08, 0.05, 0.02, 0.06, 0.04, 0.2, 0.08, 0.12, 0.1, 0.09};

    /** Crawlers and scripts; they only view pages. */
    public static final List<Agent> BOTS = List.of(
            new Agent(
                    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                    "desktop",
                    1024,
                    768,
                    true),
            new Agent(
                    "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.69 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                    "mobile",
                    412,
                    732,
                    true),
            new Agent(
                    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
                    "desktop",
                    1024,
                    768,
                    true),
            new Agent("curl/8.5.0", "desktop", 800, 600, true),
            new Agent("python-requests/2.32.3", "desktop", 800, 600, true));

    private static final double[] BOT_WEIGHTS = {0.35, 0.2, 0.25, 0.1, 0.1};

    private UserAgents() {}

    static int pickHumanIndex(SplittableRandom rng) {
        return Catalog.weighted(HUMAN_WEIGHTS, rng);
    }

    public static Agent human(SplittableRandom rng) {
        return HUMANS.get(pickHumanIndex(rng));
    }

    public static Agent bot(SplittableRandom rng) {
        return BOTS.get(Catalog.weighted(BOT_WEIGHTS, rng));
    }

    /** Whether a User-Agent string is one of {@link #BOTS}. */
    public static boolean isBot(String userAgent) {
        return userAgent != null && BOTS.stream().anyMatch(a -> a.userAgent().equals(userAgent));
    }
}
