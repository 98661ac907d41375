package org.mutualvote.count;

/** Fixed-point numbers as text: a scaled long printed with its decimal places. */
final class Decimal {

    private Decimal() {
    }

    static String format(long scaled, int places) {
        if (places == 0) {
            return Long.toString(scaled);
        }
        long scale = Tally.pow10(places);
        String sign = scaled < 0 ? "-" : "";
        long abs = Math.abs(scaled);
        String frac = Long.toString(abs % scale);
        return sign + (abs / scale) + "." + "0".repeat(places - frac.length()) + frac;
    }
}
