package org.mutualvote.surplus;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What a surplus-sharing vote adds to its contest. Shares the contest's id. */
@Entity
@Table(name = "surplus_vote")
public class SurplusVote {

    @Id
    @Column(name = "contest_id")
    public Long contestId;

    @Column(name = "surplus_pence")
    public long surplusPence;

    /** {@code split} or {@code proposals}. */
    public String form;

    /** How splits are combined: {@code mean} or {@code independent-markets}; null for proposals. */
    public String rule;

    /** The {@link Question} as JSON: pots, limits, proposals. */
    public String question;
}
