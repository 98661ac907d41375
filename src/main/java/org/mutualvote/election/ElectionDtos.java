package org.mutualvote.election;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.mutualvote.contest.Contest;
import org.mutualvote.web.Plausible;
import org.mutualvote.web.PlainText;

/** The request and response shapes of the elections API. */
public final class ElectionDtos {

    private ElectionDtos() {
    }

    public record Timetable(@Plausible Instant nominationsOpenAt, @Plausible Instant nominationsCloseAt,
            @Plausible Instant votingOpenAt, @Plausible Instant votingCloseAt) {
        static Timetable of(Contest c) {
            return new Timetable(c.nominationsOpenAt, c.nominationsCloseAt, c.votingOpenAt, c.votingCloseAt);
        }
    }

    public record ElectionRequest(
            @NotBlank @Size(max = 200) @PlainText String title,
            @NotNull Long constituencyId,
            @NotNull @Min(1) @Max(100) Integer seats,
            @NotNull ElectionMethod method,
            StvRule stvRule,
            @Valid Timetable timetable) {
    }

    public record CandidateRequest(
            @NotBlank @Size(max = 200) @PlainText String name,
            @Size(max = 4000) @PlainText(multiline = true) String statement,
            @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "{https-address}") @PlainText String photoUrl) {
    }

    public record CandidateView(long id, int position, String name, String statement, String photoUrl, boolean withdrawn) {
        static CandidateView from(Candidate c) {
            return new CandidateView(c.id, c.position, c.name, c.statement, c.photoUrl, c.withdrawn);
        }
    }

    public record ElectionView(long id, String title, long constituencyId, String constituencyName, String state,
            int seats, String method, String stvRule, Timetable timetable, Integer rollSize,
            List<CandidateView> candidates) {
        static ElectionView from(Contest c, Election e, List<Candidate> candidates) {
            return new ElectionView(c.id, c.title, c.constituency.id, c.constituency.name, c.state.key(), e.seats,
                    e.method.key(), e.stvRule == null ? null : e.stvRule.key(), Timetable.of(c), c.rollSize,
                    candidates.stream().map(CandidateView::from).toList());
        }
    }

    /**
     * A batch of paper or postal ballots: the BLT of the papers, and the marked register: the member each
     * paper was issued to (member ids, as many as ballots; their order says nothing about which paper is whose).
     */
    public record PaperBatch(
            @NotNull @Size(min = 1, max = 1_000_000, message = "name between 1 and 1,000,000 members") List<@NotNull Long> issuedTo,
            @NotBlank @Size(max = 200_000_000) String blt) {

        /** SHA-256 over the register in the order sent and the BLT text, as the audit log keeps it. */
        public String digest() {
            StringBuilder sb = new StringBuilder("mutualvote-paper-batch-v1\n");
            issuedTo.forEach(m -> sb.append(m).append(','));
            sb.append('\n').append(blt);
            try {
                return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }
    }

    public record Turnout(long contestId, long constituencyId, String state, Integer rollSize, long voted, String turnoutPercent) {
    }
}
