package org.mutualvote.surplus;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One member's share of a dividend, and the figure it was worked out from. */
@Entity
@Table(name = "dividend_share")
public class DividendShare {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dividend_share_seq")
    @SequenceGenerator(name = "dividend_share_seq", sequenceName = "dividend_share_seq", allocationSize = 50)
    public Long id;

    @Column(name = "dividend_id")
    public long dividendId;

    @Column(name = "member_id")
    public long memberId;

    public long figure;

    public long pence;
}
