package org.mutualvote.surplus;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A dividend pot shared out among eligible members: what it was worked out from, so it can be worked out again. */
@Entity
@Table(name = "dividend")
public class Dividend {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dividend_seq")
    @SequenceGenerator(name = "dividend_seq", sequenceName = "dividend_seq", allocationSize = 1)
    public Long id;

    @Column(name = "contest_id")
    public long contestId;

    @Column(name = "pot_position")
    public int potPosition;

    @Column(name = "pot_pence")
    public long potPence;

    public String basis;

    @Column(name = "record_date")
    public LocalDate recordDate;

    @Column(name = "constituency_ids")
    public String constituencyIds;

    @Column(name = "total_figure")
    public long totalFigure;

    public int members;

    public long seed;

    @Column(name = "inputs_digest")
    public String inputsDigest;

    @Column(name = "calculated_by")
    public String calculatedBy;

    @Column(name = "calculated_at")
    public Instant calculatedAt;
}
