package org.mutualvote.contest;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A contest's count: the engine's full report, the rule and the seed any lot was drawn from. */
@Entity
@Table(name = "contest_result")
public class ContestResult {

    @Id
    @Column(name = "contest_id")
    public Long contestId;

    public String rule;

    public long seed;

    public boolean uncontested;

    @Column(name = "online_ballots")
    public int onlineBallots;

    @Column(name = "paper_ballots")
    public int paperBallots;

    /** The counting engine's JSON (every stage), kept verbatim so a recount can be compared to it. */
    public String report;

    @Column(name = "counted_at")
    public Instant countedAt;

    @Column(name = "published_at")
    public Instant publishedAt;
}
