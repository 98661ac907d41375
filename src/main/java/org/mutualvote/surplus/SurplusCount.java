package org.mutualvote.surplus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.mutualvote.count.Ballot;
import org.mutualvote.count.CountResult;
import org.mutualvote.count.Counter;
import org.mutualvote.count.Json;
import org.mutualvote.count.Profile;
import org.mutualvote.count.Rule;

/**
 * Counting a surplus vote, with no framework and no database: the service and the {@link SurplusRecount}
 * command both call {@link #count}, so a recount of the published ballot file prints the published
 * report byte for byte.
 *
 * <p>A split ballot is whole percents per pot in pot order; a proposals ballot ranks proposal numbers
 * (1-based), most preferred first, and is counted by instant runoff with the project's counting engine.
 * The seed (for IRV lots and for pennies tied on remainder) is the first 63 bits of SHA-256 over the
 * ballots' trackers in tracker order: fixed by the ballots, chosen by nobody.
 */
public final class SurplusCount {

    private SurplusCount() {
    }

    public static final String SPLIT = "split";
    public static final String PROPOSALS = "proposals";

    /** Everything a count needs: the question as frozen when voting opened, and the ballots in tracker order. */
    public record Input(String title, long surplusPence, String form, String rule, List<String> potNames, List<PotKind> kinds,
            Limits limits, List<int[]> proposals, List<String> trackers, List<int[]> ballots) {
    }

    /**
     * The result. {@code combined} is what the rule gave, {@code shares} what was applied after any
     * {@code repairs} to keep the limits, {@code pence} the money per pot (summing to the surplus).
     */
    public record Outcome(long seed, int ballots, Fraction[] combined, List<String> repairs, Fraction[] shares, long[] pence,
            Fraction t, Integer winningProposal, String json) {
    }

    public static Outcome count(Input p) {
        if (p.ballots().isEmpty()) {
            throw new IllegalArgumentException("no ballots were cast, so there is nothing to count");
        }
        long seed = seed(p.trackers());
        int pots = p.potNames().size();
        Fraction[] combined;
        Fraction t = null;
        Integer winner = null;
        String irv = null;
        if (PROPOSALS.equals(p.form())) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < p.proposals().size(); i++) {
                names.add("Proposal " + (i + 1));
            }
            List<Ballot> ranked = new ArrayList<>();
            for (int[] b : p.ballots()) {
                ranked.add(Ballot.ofPositions(1, b));
            }
            CountResult r = Counter.count(new Profile(p.title(), names, 1, Set.of(), ranked), Rule.IRV, seed);
            winner = r.elected().get(0) + 1;
            irv = r.toJson();
            combined = Splits.shares(p.proposals().get(winner - 1));
        } else {
            Combine.Combined c = Combine.by(p.rule(), p.ballots(), pots);
            combined = c.shares();
            t = c.t();
        }
        Limits.Repaired repaired = p.limits().repair(p.kinds(), combined);
        String[] labels = new String[pots];
        for (int i = 0; i < pots; i++) {
            labels[i] = Integer.toString(i + 1);
        }
        long[] pence = Pence.byShares(p.surplusPence(), repaired.shares(), seed, labels);
        String json = json(p, seed, combined, repaired, pence, t, winner, irv);
        return new Outcome(seed, p.ballots().size(), combined, repaired.steps(), repaired.shares(), pence, t, winner, json);
    }

    /** The first 63 bits of SHA-256 over the trackers in order. */
    public static long seed(List<String> trackers) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String tracker : trackers) {
                d.update(tracker.getBytes(StandardCharsets.US_ASCII));
            }
            byte[] h = d.digest();
            long seed = 0;
            for (int i = 0; i < 8; i++) {
                seed = (seed << 8) | (h[i] & 0xff);
            }
            return seed & Long.MAX_VALUE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String json(Input p, long seed, Fraction[] combined, Limits.Repaired repaired, long[] pence, Fraction t,
            Integer winner, String irv) {
        StringBuilder sb = new StringBuilder("{\"form\":").append(str(p.form()))
                .append(",\"rule\":").append(str(PROPOSALS.equals(p.form()) ? "irv" : p.rule()))
                .append(",\"surplusPence\":").append(p.surplusPence())
                .append(",\"ballots\":").append(p.ballots().size())
                .append(",\"seed\":").append(str(Long.toString(seed)))
                .append(",\"t\":").append(t == null ? "null" : str(t.toString()))
                .append(",\"winningProposal\":").append(winner == null ? "null" : winner.toString())
                .append(",\"pots\":[");
        for (int i = 0; i < pence.length; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"position\":").append(i + 1)
                    .append(",\"name\":").append(str(p.potNames().get(i)))
                    .append(",\"kind\":").append(str(p.kinds().get(i).key()))
                    .append(",\"combined\":").append(str(combined[i].toString()))
                    .append(",\"share\":").append(str(repaired.shares()[i].toString()))
                    .append(",\"sharePercent\":").append(str(repaired.shares()[i].percent(2)))
                    .append(",\"pence\":").append(pence[i]).append('}');
        }
        sb.append("],\"limitRepairs\":[");
        for (int i = 0; i < repaired.steps().size(); i++) {
            sb.append(i == 0 ? "" : ",").append(str(repaired.steps().get(i)));
        }
        sb.append("],\"irv\":").append(irv == null ? "null" : irv);
        return sb.append('}').toString();
    }

    private static String str(String s) {
        return Json.quote(s);
    }
}
