package org.mutualvote.election;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

@Entity
@Table(name = "candidate")
public class Candidate {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "candidate_seq")
    @SequenceGenerator(name = "candidate_seq", sequenceName = "candidate_seq", allocationSize = 1)
    public Long id;

    @Column(name = "contest_id", nullable = false)
    public Long contestId;

    /** 1-based: the candidate's number on the ballot and in BLT files. */
    public int position;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String statement = "";

    @Column(name = "photo_url")
    public String photoUrl;

    public boolean withdrawn;
}
