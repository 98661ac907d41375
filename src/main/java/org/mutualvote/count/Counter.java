package org.mutualvote.count;

/** The entry point: counts a profile under a rule, drawing any lot from the seed. */
public final class Counter {

    private Counter() {
    }

    /**
     * Counts. Invalid input (no seats, a ranking naming a candidate twice or one that does not exist, a
     * negative weight) is an {@link IllegalArgumentException} that says what is wrong.
     */
    public static CountResult count(Profile profile, Rule rule, long seed) {
        Prepared input = Prepared.of(profile);
        CountResult result = switch (rule) {
            case FPTP -> Plurality.count(input, seed);
            case IRV -> InstantRunoff.count(input, seed);
            case SCOTLAND, WIGM -> Gregory.count(input, rule, seed);
            case MEEK -> Meek.count(input, seed);
            case ERS97 -> Ers97.count(input, seed);
            case NI85 -> Ni85.count(input, seed);
        };
        return result.withSeed(seed);
    }
}
