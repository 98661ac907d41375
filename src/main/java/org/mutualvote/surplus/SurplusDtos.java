package org.mutualvote.surplus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.mutualvote.audit.AuditService;
import org.mutualvote.web.Phrase;
import org.mutualvote.contest.Contest;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** The request and response shapes of the surplus API. Money is whole pence throughout. */
public final class SurplusDtos {

    private SurplusDtos() {
    }

    /**
     * The board's draft. {@code surplusPence} is taken as a number and checked to be whole, so 12.5
     * is refused rather than rounded; {@code rule} is for the split form only.
     */
    public record SurplusRequest(
            @NotBlank @Size(max = 200) String title,
            @NotNull Long constituencyId,
            @NotNull BigDecimal surplusPence,
            @NotBlank String form,
            String rule,
            @NotNull @Size(min = 2, max = 12, message = "a surplus vote has between 2 and 12 pots") List<@Valid @NotNull PotRequest> pots,
            @Valid LimitsRequest limits,
            @Size(max = 20, message = "at most 20 proposals") List<@Valid @NotNull ProposalRequest> proposals) {
    }

    public record PotRequest(@NotBlank @Size(max = 100) String name, @NotBlank String kind) {
    }

    /**
     * Each unset field takes the model rules' default: reserves 0%, no separate member-dividend cap,
     * dividends together at most 50% (give 100 to lift it), investors at most members.
     */
    public record LimitsRequest(
            @Min(0) @Max(100) Integer reserveMinimum,
            @Min(0) @Max(100) Integer memberDividendMaximum,
            @Min(0) @Max(100) Integer dividendsMaximum,
            Boolean investorsAtMostMembers) {
    }

    public record ProposalRequest(@NotBlank @Size(max = 200) String title, @NotNull List<BigDecimal> percents) {
    }

    public record PotView(int position, String name, String kind) {
    }

    public record ProposalView(int number, String title, int[] percents) {
    }

    public record SurplusView(long id, String title, long constituencyId, String constituencyName, String state, long surplusPence,
            String surplusPounds, String form, String rule, List<PotView> pots, Limits limits, List<ProposalView> proposals,
            Integer rollSize) {
        static SurplusView from(Contest c, SurplusVote v, Question q) {
            List<PotView> pots = new java.util.ArrayList<>();
            for (int i = 0; i < q.pots().size(); i++) {
                pots.add(new PotView(i + 1, q.pots().get(i).name(), q.pots().get(i).kind()));
            }
            List<ProposalView> proposals = new java.util.ArrayList<>();
            for (int i = 0; i < q.proposals().size(); i++) {
                proposals.add(new ProposalView(i + 1, q.proposals().get(i).title(), q.proposals().get(i).percents()));
            }
            return new SurplusView(c.id, c.title, c.constituency.id, c.constituency.name, c.state.key(), v.surplusPence,
                    Pence.pounds(v.surplusPence), v.form, v.rule, pots, q.limits(), proposals, c.rollSize);
        }
    }

    /** A member's ballot: {@code percents} (split form: whole percents per pot, in pot order) or {@code ranking} (proposal numbers, favourite first). */
    public record SurplusBallot(@Size(max = 12) List<BigDecimal> percents, @Size(max = 20) List<Long> ranking) {
    }

    public record PotResult(int position, String name, String kind, String share, String sharePercent, long pence, String pounds) {
    }

    /**
     * {@code ballotDigest}: the digest of the ballot set fixed at close; {@code auditHead}: the audit chain's head now, MACed;
     * {@code contentsWithheld}: the board shows this reader trackers but not what the ballots say, and its file is not theirs.
     */
    public record ResultView(long contestId, String title, String state, String form, String rule, long surplusPence, String seed,
            int ballots, Integer rollSize, Integer winningProposal, List<PotResult> pots, List<String> limitRepairs,
            List<Phrase> limitRepairSteps, String ballotDigest, Integer sealedBallots, AuditService.SignedHead auditHead,
            boolean contentsWithheld, Instant countedAt, Instant publishedAt, @JsonRawValue String report) {
    }

    /** A recount of the published ballot file: its ballots, whether it gives the stored report exactly, its seed and pots in pounds. */
    public record Recounted(long contestId, int ballots, boolean matches, String seed, List<String> pots) {
    }

    /** One ballot on the board; below the secrecy minimum, non-officials see its tracker and channel only. */
    public record BoardBallot(String tracker, String channel, int[] values, String nonce) {
    }

    /**
     * One page of the bulletin board; {@code values} are percents per pot (split) or proposal numbers ranked (proposals).
     * {@code ballotDigest} is the digest of the whole set fixed at close (count/BallotSet), which anyone can recompute.
     * {@code contentsWithheld}: the roll or turnout is below the secrecy minimum, so only officials see the values.
     */
    public record Board(long contestId, String title, String state, String form, List<String> pots, String trackerFormula,
            String ballotDigest, Integer sealedBallots, AuditService.SignedHead auditHead, boolean contentsWithheld,
            List<BoardBallot> ballots, String next) {
    }

    /**
     * One row of a figures file: what was read, and why it is refused (null when accepted), in English and as phrases
     * a client says in its reader's words.
     */
    public record FigureRow(int row, Long memberId, String figure, String reason, List<Phrase> reasons) {
    }

    public record ShareView(long memberId, long figure, long pence, String pounds) {
    }

    /**
     * What a dividend calculation found or did. A dry run lists every row and share and writes nothing;
     * a real run writes the shares, or nothing at all (422) when any row is refused.
     */
    public record DividendReport(boolean dryRun, boolean applied, long contestId, int pot, String potName, long potPence,
            String basis, LocalDate recordDate, List<Long> constituencyIds, int eligible, int withoutFigure, long totalFigure,
            int rows, int rejected, List<FigureRow> results, String seed, String inputsDigest, long totalPence,
            List<ShareView> shares) {
    }

    /**
     * A member's own share, and how it was worked out: {@code workings} in English, {@code workingsSteps} the same
     * sentences as phrases (pence, figures and the seed as values) for a client to say in its reader's words.
     */
    public record MyDividend(long contestId, String title, int pot, String potName, String basis, LocalDate recordDate,
            long potPence, String potPounds, long figure, long totalFigure, String figureUnit, long pence, String pounds,
            String seed, String inputsDigest, String workings, List<Phrase> workingsSteps) {
    }
}
