package org.mutualvote.count;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Builds small elections by candidate letter: {@code ballots(6, "AB")} is six ballots ranking A then B. */
final class Fixture {

    private final List<String> names;
    private final List<Ballot> ballots = new ArrayList<>();
    private final int seats;
    private Set<Integer> withdrawn = Set.of();

    private Fixture(int seats, String... names) {
        this.seats = seats;
        this.names = Arrays.asList(names);
    }

    static Fixture seats(int seats, String... names) {
        return new Fixture(seats, names);
    }

    Fixture ballots(long weight, String ranking) {
        int[] r = new int[ranking.length()];
        for (int i = 0; i < r.length; i++) {
            r[i] = names.indexOf(String.valueOf(ranking.charAt(i)));
        }
        ballots.add(new Ballot(weight, r));
        return this;
    }

    Fixture withdraw(String... who) {
        withdrawn = Set.copyOf(Arrays.stream(who).map(names::indexOf).toList());
        return this;
    }

    Profile profile() {
        return new Profile("fixture", names, seats, withdrawn, ballots);
    }

    List<String> elected(Rule rule, long seed) {
        return Counter.count(profile(), rule, seed).elected().stream().map(names::get).toList();
    }

    CountResult count(Rule rule) {
        return Counter.count(profile(), rule, 0);
    }
}
