package org.mutualvote.surplus;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Money to the penny by largest remainder (Hamilton): each share gets the whole pence of its exact
 * quota, and the pennies left over go one each to the largest fractional remainders, so the parts add
 * up to the total exactly and none is more than a penny from its exact quota.
 *
 * <p>Ties between equal remainders follow a published rule, no random draw: the one whose tie key
 * SHA-256("mutualvote-tie-v1\n" + seed + "\n" + label) is smaller in hexadecimal comes first, where
 * the label is a pot's position (1, 2, ...) or a member's id. Anyone holding the seed can check it.
 */
public final class Pence {

    private Pence() {
    }

    /** Shares the total in proportion to the weights (whole numbers, not all zero). */
    public static long[] byWeights(long total, long[] weights, long seed, String[] labels) {
        BigInteger sum = BigInteger.ZERO;
        for (long w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("a negative weight");
            }
            sum = sum.add(BigInteger.valueOf(w));
        }
        if (sum.signum() == 0) {
            throw new IllegalArgumentException("every weight is zero");
        }
        Fraction[] shares = new Fraction[weights.length];
        for (int i = 0; i < weights.length; i++) {
            shares[i] = new Fraction(BigInteger.valueOf(weights[i]), sum);
        }
        return byShares(total, shares, seed, labels);
    }

    /** Shares the total by exact shares that add up to 1. */
    public static long[] byShares(long total, Fraction[] shares, long seed, String[] labels) {
        if (total < 0) {
            throw new IllegalArgumentException("a negative total");
        }
        int n = shares.length;
        long[] out = new long[n];
        Fraction[] remainder = new Fraction[n];
        long given = 0;
        Fraction check = Fraction.ZERO;
        for (int i = 0; i < n; i++) {
            check = check.plus(shares[i]);
            Fraction quota = shares[i].times(total);
            out[i] = quota.floor().longValueExact();
            remainder[i] = quota.minus(Fraction.of(out[i]));
            given += out[i];
        }
        if (!check.equals(Fraction.ONE)) {
            throw new IllegalArgumentException("the shares add up to " + check + ", not 1");
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = tieKey(seed, labels[i]);
        }
        order.sort(Comparator.<Integer, Fraction>comparing(i -> remainder[i]).reversed().thenComparing(i -> keys[i]));
        for (int k = 0; k < total - given; k++) {
            out[order.get(k)]++;
        }
        return out;
    }

    /** The published tie key of a label under a seed. */
    public static String tieKey(long seed, String label) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(("mutualvote-tie-v1\n" + seed + "\n" + label).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Pence as pounds and pence, for people: 123456 is "£1,234.56". */
    public static String pounds(long pence) {
        String sign = pence < 0 ? "-" : "";
        long p = Math.abs(pence);
        return sign + "£" + String.format(java.util.Locale.UK, "%,d.%02d", p / 100, p % 100);
    }
}
