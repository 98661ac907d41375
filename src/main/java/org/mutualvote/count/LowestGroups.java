package org.mutualvote.count;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The lowest continuing candidates taken together: the lowest one, the lowest two and so on, each group against
 * the candidate next above it. Whether surpluses may be deferred and who is excluded in bulk are both questions
 * about these groups (ERS97 5.2.2 and 5.2.5, NI85 rules 49(10) and 51(12)); the rules differ in the test a group
 * must meet, so each rule states its own. Only groups that leave at least as many continuing candidates as places
 * are formed: a group the count would not exclude cannot justify deferring either.
 */
final class LowestGroups {

    /**
     * The {@code size} lowest candidates, their {@code votes} together, the {@code highest} vote among them, and the
     * vote of the candidate {@code next} above them.
     */
    record Group(int size, long votes, long highest, long next) {
    }

    private final List<Integer> ascending;
    private final List<Group> groups = new ArrayList<>();

    LowestGroups(Tally t) {
        ascending = t.hopefulAscending();
        int largest = ascending.size() - t.seatsLeft();
        long votes = 0;
        for (int k = 1; k <= largest && k < ascending.size(); k++) {
            long highest = t.votes[ascending.get(k - 1)];
            votes += highest;
            groups.add(new Group(k, votes, highest, t.votes[ascending.get(k)]));
        }
    }

    boolean any(Predicate<Group> test) {
        for (Group group : groups) {
            if (test.test(group)) {
                return true;
            }
        }
        return false;
    }

    /** The largest group of two or more candidates that meets the test, lowest first; empty if none does. */
    List<Integer> largestOfTwoOrMore(Predicate<Group> test) {
        int size = 0;
        for (Group group : groups) {
            if (group.size() >= 2 && test.test(group)) {
                size = group.size();
            }
        }
        return size >= 2 ? new ArrayList<>(ascending.subList(0, size)) : List.of();
    }
}
