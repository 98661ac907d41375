package org.mutualvote.surplus;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * Combining members' splits (whole percents per pot, each summing to 100) into one split of the
 * surplus, exactly, in rational numbers.
 *
 * <p>{@code mean}: each pot gets the average of what the ballots give it. Simple to explain, but a
 * member gains by exaggerating: putting 100% on a favourite pulls the mean towards it.
 *
 * <p>{@code independent-markets}: the moving-phantom mechanism of Freeman, Pennock, Peters and Wortman
 * Vaughan, "Truthful aggregation of budget proposals" (Journal of Economic Theory, 2021), which no
 * member can move in their favour by misreporting. With n ballots, n+1 phantom values per pot
 * f_k(t) = min(t(n - k), 1), k = 0..n, rise with t in [0, 1]; each pot gets the median of its n
 * ballot shares and the n+1 phantoms; t* is the t at which the medians add up to exactly 1.
 *
 * <p>How t* is found exactly. With a pot's shares sorted so that v(c) is the c-th largest, the median of
 * the 2n+1 values is med(t) = max over c = 1..n of min(c t, v(c)) (the (n+1)-th largest of two sorted
 * lists; the phantom f_n is always 0 and v(c) is at most 1, so the cap at 1 never binds). Each med is
 * continuous, non-decreasing and piecewise linear in t, bending only where c t = v(c') for some c, c'
 * in 1..n: at points p / (100 d) with whole p in 0..100 and d in 1..n, since shares are whole percents.
 * Two such points differ by at least 1 / (100 n^2). So: bisect [0, 1] in exact rationals until the
 * interval is narrower than that (about 2 log2(n) + 7 halvings), when it holds at most one bend; find
 * that bend, if any, by trying each d; then the sum of medians is linear on the side that holds t*,
 * which is solved exactly. The result is checked to sum to exactly 1; nothing is rounded.
 */
public final class Combine {

    private Combine() {
    }

    /** The rules a board may choose from when voting opens. */
    public static final String MEAN = "mean";
    public static final String INDEPENDENT_MARKETS = "independent-markets";
    public static final List<String> RULES = List.of(MEAN, INDEPENDENT_MARKETS);

    /** The combined shares and, for the moving-phantom rule, the t* it settled at (null for the mean). */
    public record Combined(Fraction[] shares, Fraction t) {
    }

    public static Combined by(String rule, List<int[]> ballots, int pots) {
        return switch (rule) {
            case MEAN -> new Combined(mean(ballots, pots), null);
            case INDEPENDENT_MARKETS -> independentMarkets(ballots, pots);
            default -> throw new IllegalArgumentException("no combining rule '" + rule + "'; use " + String.join(" or ", RULES));
        };
    }

    /** Each pot: the sum of its percents over 100 n. */
    public static Fraction[] mean(List<int[]> ballots, int pots) {
        requireBallots(ballots);
        long[] sums = new long[pots];
        for (int[] b : ballots) {
            for (int j = 0; j < pots; j++) {
                sums[j] += b[j];
            }
        }
        Fraction[] out = new Fraction[pots];
        for (int j = 0; j < pots; j++) {
            out[j] = Fraction.of(sums[j], 100L * ballots.size());
        }
        return out;
    }

    public static Combined independentMarkets(List<int[]> ballots, int pots) {
        requireBallots(ballots);
        int n = ballots.size();
        // Each pot's percents, largest first: sorted[j][c - 1] is v(c) in percent.
        int[][] sorted = new int[pots][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < pots; j++) {
                sorted[j][i] = ballots.get(i)[j];
            }
        }
        for (int[] column : sorted) {
            Arrays.sort(column);
            for (int a = 0, b = n - 1; a < b; a++, b--) {
                int x = column[a];
                column[a] = column[b];
                column[b] = x;
            }
        }
        Fraction lo = Fraction.ZERO;
        Fraction hi = Fraction.ONE;
        Fraction sumHi = sum(sorted, hi);
        if (sumHi.equals(Fraction.ONE)) {
            return new Combined(medians(sorted, hi), hi);
        }
        Fraction gap = new Fraction(BigInteger.ONE, BigInteger.valueOf(100).multiply(BigInteger.valueOf(n).pow(2)));
        Fraction two = Fraction.of(2);
        while (hi.minus(lo).compareTo(gap) >= 0) {
            Fraction mid = lo.plus(hi).dividedBy(two);
            int c = sum(sorted, mid).compareTo(Fraction.ONE);
            if (c == 0) {
                return new Combined(medians(sorted, mid), mid);
            }
            if (c < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        Fraction bend = bendBetween(lo, hi, n);
        if (bend != null) {
            int c = sum(sorted, bend).compareTo(Fraction.ONE);
            if (c == 0) {
                return new Combined(medians(sorted, bend), bend);
            }
            if (c < 0) {
                lo = bend;
            } else {
                hi = bend;
            }
        }
        Fraction sLo = sum(sorted, lo);
        Fraction sHi = sum(sorted, hi);
        Fraction t = lo.plus(Fraction.ONE.minus(sLo).times(hi.minus(lo)).dividedBy(sHi.minus(sLo)));
        Fraction[] out = medians(sorted, t);
        Fraction total = Fraction.ZERO;
        for (Fraction f : out) {
            total = total.plus(f);
        }
        if (!total.equals(Fraction.ONE)) {
            throw new IllegalStateException("moving phantoms: the medians at t = " + t + " add up to " + total + ", not 1");
        }
        return new Combined(out, t);
    }

    /** The one point p / (100 d) strictly between lo and hi, if there is one (the interval is too narrow for two). */
    private static Fraction bendBetween(Fraction lo, Fraction hi, int n) {
        for (int d = 1; d <= n; d++) {
            BigInteger scale = BigInteger.valueOf(100L * d);
            // the smallest p with p / (100 d) > lo
            BigInteger p = lo.times(new Fraction(scale, BigInteger.ONE)).floor().add(BigInteger.ONE);
            if (p.compareTo(BigInteger.valueOf(100)) <= 0) {
                Fraction point = new Fraction(p, scale);
                if (point.compareTo(hi) < 0) {
                    return point;
                }
            }
        }
        return null;
    }

    static Fraction sum(int[][] sorted, Fraction t) {
        Fraction s = Fraction.ZERO;
        for (int[] column : sorted) {
            s = s.plus(median(column, t));
        }
        return s;
    }

    static Fraction[] medians(int[][] sorted, Fraction t) {
        Fraction[] out = new Fraction[sorted.length];
        for (int j = 0; j < sorted.length; j++) {
            out[j] = median(sorted[j], t);
        }
        return out;
    }

    /**
     * max over c of min(c t, v(c)): with c0 the largest c where c t <= v(c) (c t - v(c) grows with c, so
     * a binary search finds it), the terms up to c0 are c t, largest at c0, and those after are v(c),
     * largest at c0 + 1.
     */
    static Fraction median(int[] column, Fraction t) {
        int n = column.length;
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int c = (lo + hi + 1) >>> 1;
            if (t.times(c).compareTo(Fraction.of(column[c - 1], 100)) <= 0) {
                lo = c;
            } else {
                hi = c - 1;
            }
        }
        int c0 = lo;
        Fraction best = c0 == 0 ? Fraction.ZERO : t.times(c0);
        if (c0 < n) {
            best = best.max(Fraction.of(column[c0], 100));
        }
        return best;
    }

    private static void requireBallots(List<int[]> ballots) {
        if (ballots.isEmpty()) {
            throw new IllegalArgumentException("there are no ballots to combine");
        }
    }
}
