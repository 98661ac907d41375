package org.mutualvote.motion;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.mutualvote.audit.AuditService;
import org.mutualvote.web.Phrase;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** The request and response shapes of the motions API. */
public final class MotionDtos {

    private MotionDtos() {
    }

    static final String FRACTION = "[0-9]{1,6}/[0-9]{1,6}";

    /** A poll: one or more motions answered on one ballot, put to the constituencies named. */
    public record PollRequest(
            @NotBlank @Size(max = 200) String title,
            @NotNull @Size(min = 1, max = 50, message = "name between 1 and 50 constituencies") List<@NotNull Long> constituencyIds,
            @NotNull @Size(min = 1, max = 30, message = "a poll holds between 1 and 30 motions") List<@NotNull @Valid MotionRequest> motions) {
    }

    /**
     * One motion. {@code threshold}: ordinary, special, unanimous, "at-least N/D" or "more-than N/D";
     * {@code denominator}: for-against (the default), valid-ballots or roll.
     */
    public record MotionRequest(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 20000) String resolution,
            @Size(max = 8000) String statementFor,
            @Size(max = 8000) String statementAgainst,
            @NotBlank @Size(max = 40) String threshold,
            @Size(max = 20) String denominator,
            @Valid QuorumRequest quorum,
            List<@NotNull Long> consent,
            @Valid WeightsRequest weights) {
    }

    /** At least {@code members} ballots and at least {@code share} ("1/10") of the roll, proxies included. */
    public record QuorumRequest(@Min(0) Integer members,
            @Pattern(regexp = FRACTION, message = "{share-format}") String share) {
    }

    /** {@code kind}: shares (every constituency a fixed share, adding up to 1) or caps (some capped). */
    public record WeightsRequest(@NotNull @Pattern(regexp = "shares|caps", message = "{weights-kind}") String kind,
            @NotNull @Size(min = 1) List<@NotNull @Valid ClassShare> classes) {
    }

    public record ClassShare(@NotNull Long constituencyId,
            @NotNull @Pattern(regexp = FRACTION, message = "{share-format}") String share) {
    }

    public record Timetable(Instant votingOpenAt, Instant votingCloseAt) {
    }

    public record ConstituencyRef(long id, String name) {
    }

    public record MotionView(long id, int position, String title, String resolution, String statementFor,
            String statementAgainst, String threshold, String denominator, QuorumRequest quorum, List<Long> consent,
            WeightsRequest weights, String rule, List<Phrase> ruleParts) {
    }

    /** A poll as everyone sees it; {@code answers} explains the ballot's codes. */
    public record PollView(long id, String title, String state, Instant noticePublishedAt, List<ConstituencyRef> constituencies,
            Timetable timetable, Integer rollSize, List<MotionView> motions, String answers) {
    }

    public record ProxyRequest(@NotNull Long holderMembershipNumber,
            @NotNull @Pattern(regexp = "directed|discretionary", message = "{proxy-kind}") String kind,
            List<@NotNull Long> directions) {
    }

    /** An appointment as its two members see it (directions only to them, and only until the poll closes). */
    public record ProxyView(long id, long contestId, long appointerMembershipNumber, String appointerName,
            long holderMembershipNumber, String holderName, String kind, List<Integer> directions, Instant appointedAt,
            Instant revokedAt, String voidReason, boolean cast) {
    }

    public record MyProxies(long contestId, ProxyView appointed, List<ProxyView> held, int maxPerHolder) {
    }

    public record ProxyCast(List<@NotNull Long> choices) {
    }

    /**
     * {@code ballotDigest}: the digest of the ballot set fixed at close; {@code auditHead}: the audit chain's head now, MACed;
     * {@code contentsWithheld}: the board shows this reader trackers but not what the ballots say, and its file is not theirs.
     */
    public record ResultView(long contestId, String title, String state, Integer rollSize, int ballots, String ballotDigest,
            Integer sealedBallots, AuditService.SignedHead auditHead, boolean contentsWithheld, Instant countedAt, Instant publishedAt,
            @JsonRawValue String report, List<Resolution.Verdict> verdicts) {
    }
}
