package com.newsmell.recommendation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The seeded bootstrap over users. */
class BootstrapTest {

    @Test
    @DisplayName("the same users and seed give the same answer; another seed a slightly different one")
    void seeded() {
        List<Bootstrap.UserCounts> users = independent(400, 0.3, 0.2, 1);
        Bootstrap.Result a = Bootstrap.difference(users, 1000, 42, 0.95);
        Bootstrap.Result b = Bootstrap.difference(users, 1000, 42, 0.95);
        Bootstrap.Result c = Bootstrap.difference(users, 1000, 43, 0.95);

        assertThat(a).isEqualTo(b);
        assertThat(c.interval()).isNotEqualTo(a.interval());
        assertThat(c.difference()).isEqualTo(a.difference());
    }

    @Test
    @DisplayName("one independent impression per user: the interval matches the Wald interval of the difference")
    void independentImpressionsMatchWald() {
        List<Bootstrap.UserCounts> users = independent(4000, 0.30, 0.25, 7);
        long sA = users.stream().mapToLong(u -> (long) u.successesA()).sum();
        long nA = users.stream().mapToLong(Bootstrap.UserCounts::impressionsA).sum();
        long sB = users.stream().mapToLong(u -> (long) u.successesB()).sum();
        long nB = users.stream().mapToLong(Bootstrap.UserCounts::impressionsB).sum();
        Proportions.Interval wald = Proportions.difference(sA, nA, sB, nB, 0.95);

        Bootstrap.Result r = Bootstrap.difference(users, 2000, 11, 0.95);

        double width = wald.upper() - wald.lower();
        assertThat(r.interval().lower()).isCloseTo(wald.lower(), within(width * 0.1));
        assertThat(r.interval().upper()).isCloseTo(wald.upper(), within(width * 0.1));
        assertThat(r.pValue()).isLessThan(0.05);
    }

    @Test
    @DisplayName("correlated impressions (a user clicks all or nothing): wider than the interval assuming independence")
    void clusteredUsersWidenTheInterval() {
        SplittableRandom random = new SplittableRandom(5);
        List<Bootstrap.UserCounts> users = new ArrayList<>();
        long sA = 0;
        long sB = 0;
        for (int i = 0; i < 300; i++) {
            boolean a = i % 2 == 0;
            boolean clicker = random.nextDouble() < (a ? 0.3 : 0.25);
            int n = 20;
            users.add(
                    a
                            ? new Bootstrap.UserCounts(n, clicker ? n : 0, 0, 0)
                            : new Bootstrap.UserCounts(0, 0, n, clicker ? n : 0));
            if (clicker) {
                if (a) {
                    sA += n;
                } else {
                    sB += n;
                }
            }
        }
        Proportions.Interval naive = Proportions.difference(sA, 3000, sB, 3000, 0.95);
        Bootstrap.Result r = Bootstrap.difference(users, 2000, 9, 0.95);

        assertThat(r.interval().upper() - r.interval().lower()).isGreaterThan(3 * (naive.upper() - naive.lower()));
    }

    @Test
    @DisplayName("no difference: a large p-value; percentiles by R's type 7")
    void noDifference() {
        List<Bootstrap.UserCounts> users = independent(2000, 0.2, 0.2, 21);
        assertThat(Bootstrap.difference(users, 1000, 1, 0.95).pValue()).isGreaterThan(0.05);
        assertThat(Bootstrap.quantile(new double[] {1, 2, 3, 4}, 0.25)).isEqualTo(1.75);
        assertThat(Bootstrap.difference(List.of(new Bootstrap.UserCounts(3, 1, 0, 0)), 10, 1, 0.95))
                .isNull();
    }

    /** n users, alternately under A and B, one impression each, clicked with the rate. */
    private static List<Bootstrap.UserCounts> independent(int n, double rateA, double rateB, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Bootstrap.UserCounts> users = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i % 2 == 0) {
                users.add(new Bootstrap.UserCounts(1, random.nextDouble() < rateA ? 1 : 0, 0, 0));
            } else {
                users.add(new Bootstrap.UserCounts(0, 0, 1, random.nextDouble() < rateB ? 1 : 0));
            }
        }
        return users;
    }
}
