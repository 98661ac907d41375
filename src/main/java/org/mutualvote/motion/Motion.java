package org.mutualvote.motion;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One resolution in a poll; its position is its answer's place on the ballot. */
@Entity
@Table(name = "motion")
public class Motion {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "motion_seq")
    @SequenceGenerator(name = "motion_seq", sequenceName = "motion_seq", allocationSize = 1)
    public Long id;

    @Column(name = "contest_id", nullable = false)
    public Long contestId;

    public int position;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String resolution;

    @Column(name = "statement_for", nullable = false)
    public String statementFor = "";

    @Column(name = "statement_against")
    public String statementAgainst;

    @Column(name = "threshold_num")
    public int thresholdNum;

    @Column(name = "threshold_den")
    public int thresholdDen;

    @Column(name = "threshold_at_least")
    public boolean thresholdAtLeast;

    /** "for-against", "valid-ballots" or "roll". */
    public String denominator;

    @Column(name = "quorum_members")
    public Integer quorumMembers;

    @Column(name = "quorum_share_num")
    public Integer quorumShareNum;

    @Column(name = "quorum_share_den")
    public Integer quorumShareDen;

    /** null, "shares" or "caps". */
    public String weighting;
}
