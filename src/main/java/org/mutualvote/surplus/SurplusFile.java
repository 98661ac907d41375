package org.mutualvote.surplus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The ballot file of a surplus vote, as the bulletin board publishes it and {@link SurplusRecount}
 * reads it. Plain UTF-8 text, one statement per line, {@code #} starts a comment line:
 *
 * <pre>
 * mutualvote-surplus 1
 * title Surplus 2026
 * surplus-pence 1234567
 * form split                     (or: proposals)
 * rule independent-markets       (split only: mean or independent-markets)
 * pot reserve Reinvestment       (one line per pot, in pot order: kind, then name)
 * pot member_dividend Staff dividend
 * limit reserve-minimum 20       (each limit that applies)
 * limit member-dividend-maximum 40
 * limit dividends-maximum 50
 * limit investors-at-most-members
 * proposal 60,30,10              (proposals only: one per proposal, in order)
 * ballot TRACKER 60,30,10        (every ballot in tracker order: percents per pot, or proposal numbers ranked)
 * </pre>
 */
public final class SurplusFile {

    public static final String MAGIC = "mutualvote-surplus 1";

    private SurplusFile() {
    }

    public static String write(SurplusCount.Input p) {
        StringBuilder sb = new StringBuilder(MAGIC).append('\n');
        sb.append("# Recount: java -cp mutual-vote.jar org.mutualvote.surplus.SurplusRecount THIS-FILE\n");
        sb.append("title ").append(oneLine(p.title())).append('\n');
        sb.append("surplus-pence ").append(p.surplusPence()).append('\n');
        sb.append("form ").append(p.form()).append('\n');
        if (SurplusCount.SPLIT.equals(p.form())) {
            sb.append("rule ").append(p.rule()).append('\n');
        }
        for (int i = 0; i < p.potNames().size(); i++) {
            sb.append("pot ").append(p.kinds().get(i).key()).append(' ').append(oneLine(p.potNames().get(i))).append('\n');
        }
        Limits l = p.limits();
        sb.append("limit ").append(Limits.RESERVE_MINIMUM).append(' ').append(l.reserveMinimum()).append('\n');
        if (l.memberDividendMaximum() != null) {
            sb.append("limit ").append(Limits.MEMBER_DIVIDEND_MAXIMUM).append(' ').append(l.memberDividendMaximum()).append('\n');
        }
        if (l.dividendsMaximum() != null) {
            sb.append("limit ").append(Limits.DIVIDENDS_MAXIMUM).append(' ').append(l.dividendsMaximum()).append('\n');
        }
        if (l.investorsAtMostMembers()) {
            sb.append("limit ").append(Limits.INVESTORS_AT_MOST_MEMBERS).append('\n');
        }
        for (int[] proposal : p.proposals()) {
            sb.append("proposal ").append(joined(proposal)).append('\n');
        }
        for (int i = 0; i < p.ballots().size(); i++) {
            sb.append("ballot ").append(p.trackers().get(i)).append(' ').append(joined(p.ballots().get(i))).append('\n');
        }
        return sb.toString();
    }

    /** Reads a ballot file; a fault is an IllegalArgumentException naming the line. */
    public static SurplusCount.Input read(Reader in) throws IOException {
        BufferedReader r = new BufferedReader(in);
        String title = "";
        long surplus = -1;
        String form = null;
        String rule = null;
        List<String> names = new ArrayList<>();
        List<PotKind> kinds = new ArrayList<>();
        int reserveMinimum = 0;
        Integer memberMax = null;
        Integer dividendsMax = null;
        boolean investors = false;
        List<int[]> proposals = new ArrayList<>();
        List<String> trackers = new ArrayList<>();
        List<int[]> ballots = new ArrayList<>();
        String line = r.readLine();
        if (line == null || !line.strip().equals(MAGIC)) {
            throw new IllegalArgumentException("line 1: expected '" + MAGIC + "'");
        }
        int number = 1;
        while ((line = r.readLine()) != null) {
            number++;
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            String[] parts = s.split(" ", 2);
            String rest = parts.length > 1 ? parts[1].strip() : "";
            try {
                switch (parts[0]) {
                    case "title" -> title = rest;
                    case "surplus-pence" -> surplus = Long.parseLong(rest);
                    case "form" -> form = rest;
                    case "rule" -> rule = rest;
                    case "pot" -> {
                        String[] kn = rest.split(" ", 2);
                        PotKind k = PotKind.parse(kn[0]);
                        if (k == null || kn.length < 2) {
                            throw new IllegalArgumentException("a pot is 'pot KIND NAME' with KIND one of " + PotKind.keys());
                        }
                        kinds.add(k);
                        names.add(kn[1].strip());
                    }
                    case "limit" -> {
                        String[] kv = rest.split(" ");
                        switch (kv[0]) {
                            case Limits.RESERVE_MINIMUM -> reserveMinimum = Integer.parseInt(kv[1]);
                            case Limits.MEMBER_DIVIDEND_MAXIMUM -> memberMax = Integer.parseInt(kv[1]);
                            case Limits.DIVIDENDS_MAXIMUM -> dividendsMax = Integer.parseInt(kv[1]);
                            case Limits.INVESTORS_AT_MOST_MEMBERS -> investors = true;
                            default -> throw new IllegalArgumentException("unknown limit '" + kv[0] + "'");
                        }
                    }
                    case "proposal" -> proposals.add(numbers(rest));
                    case "ballot" -> {
                        String[] tv = rest.split(" ", 2);
                        if (tv.length < 2 || !tv[0].matches("[0-9a-f]{64}")) {
                            throw new IllegalArgumentException("a ballot is 'ballot TRACKER N,N,...' with a 64-digit tracker");
                        }
                        trackers.add(tv[0]);
                        ballots.add(numbers(tv[1]));
                    }
                    default -> throw new IllegalArgumentException("unknown statement '" + parts[0] + "'");
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("line " + number + ": '" + s + "' is malformed");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + number + ": " + e.getMessage());
            }
        }
        if (surplus < 0 || form == null || names.isEmpty()) {
            throw new IllegalArgumentException("the file needs surplus-pence, form and at least one pot");
        }
        if (SurplusCount.SPLIT.equals(form) && rule == null) {
            throw new IllegalArgumentException("a split vote needs a rule line");
        }
        for (int i = 0; i < ballots.size(); i++) {
            int[] b = ballots.get(i);
            boolean ok = SurplusCount.SPLIT.equals(form) ? b.length == names.size()
                    : java.util.Arrays.stream(b).allMatch(x -> x >= 1 && x <= proposals.size());
            if (!ok) {
                throw new IllegalArgumentException("ballot " + trackers.get(i) + " does not fit the pots or proposals");
            }
        }
        return new SurplusCount.Input(title, surplus, form, rule, names, kinds,
                new Limits(reserveMinimum, memberMax, dividendsMax, investors), proposals, trackers, ballots);
    }

    private static int[] numbers(String csv) {
        String[] parts = csv.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Integer.parseInt(parts[i].strip());
        }
        return out;
    }

    private static String joined(int[] values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ",").append(values[i]);
        }
        return sb.toString();
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ').strip();
    }
}
