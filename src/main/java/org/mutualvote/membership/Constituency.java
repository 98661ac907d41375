package org.mutualvote.membership;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "constituency")
public class Constituency {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "constituency_seq")
    @SequenceGenerator(name = "constituency_seq", sequenceName = "constituency_seq", allocationSize = 1)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public ConstituencyKind kind;

    public int seats;

    @Column(name = "min_age")
    public int minAge = 16;

    @Column(name = "review_applications")
    public boolean reviewApplications;

    public boolean retired;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "constituency_area", joinColumns = @JoinColumn(name = "constituency_id"))
    @Column(name = "district")
    public Set<String> areas = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "constituency_staff_class", joinColumns = @JoinColumn(name = "constituency_id"))
    @Column(name = "staff_class")
    public Set<String> staffClasses = new TreeSet<>();

    @Version
    public int version;
}
