package org.mutualvote.count;

/** Fixed-point numbers as text: a scaled long printed with its decimal places, and read back. */
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

    /** The inverse of {@link #format}: "-1.50000" at 5 places is -150000. */
    static long parse(String text, int places) {
        int dot = text.indexOf('.');
        String digits = dot < 0 ? text + "0".repeat(places) : text.substring(0, dot) + text.substring(dot + 1);
        if (dot >= 0 && text.length() - dot - 1 != places) {
            throw new IllegalArgumentException("'" + text + "' should have " + places + " decimal places");
        }
        return Long.parseLong(digits);
    }
}
