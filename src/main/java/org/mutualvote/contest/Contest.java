package org.mutualvote.contest;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.mutualvote.membership.Constituency;

@Entity
@Table(name = "contest")
public class Contest {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contest_seq")
    @SequenceGenerator(name = "contest_seq", sequenceName = "contest_seq", allocationSize = 1)
    public Long id;

    @Column(nullable = false)
    public ContestKind kind;

    @Column(nullable = false)
    public String title;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "constituency_id")
    public Constituency constituency;

    @Column(nullable = false)
    public ContestState state = ContestState.DRAFT;

    @Column(name = "nominations_open_at")
    public Instant nominationsOpenAt;

    @Column(name = "nominations_close_at")
    public Instant nominationsCloseAt;

    @Column(name = "voting_open_at")
    public Instant votingOpenAt;

    @Column(name = "voting_close_at")
    public Instant votingCloseAt;

    @Column(name = "roll_size")
    public Integer rollSize;

    @Column(name = "roll_frozen_at")
    public Instant rollFrozenAt;

    /** The Merkle root over the trackers of the ballots, fixed at close (and moved by each later paper batch). */
    @Column(name = "ballot_digest")
    public String ballotDigest;

    @Column(name = "sealed_ballots")
    public Integer sealedBallots;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Version
    public int version;
}
