package org.mutualvote.election.rejected;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The statement of rejected ballot papers: the number for each reason of rule 46(1), and their total. */
public record RejectedPapersView(long electionId, Map<String, Integer> papers, int total, List<Line> lines) {

    /** One line of the statement as it is printed: the rule's letter, its words and the number. */
    public record Line(String reason, String words, int papers) {
    }

    static RejectedPapersView from(long electionId, RejectedPapers r) {
        Map<String, Integer> papers = new LinkedHashMap<>();
        List<Line> lines = new ArrayList<>();
        int total = 0;
        for (RejectionReason reason : RejectionReason.values()) {
            int n = r == null ? 0 : r.get(reason);
            papers.put(reason.key(), n);
            lines.add(new Line(reason.key(), reason.words(), n));
            total += n;
        }
        return new RejectedPapersView(electionId, papers, total, List.copyOf(lines));
    }
}
