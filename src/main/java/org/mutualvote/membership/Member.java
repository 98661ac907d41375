package org.mutualvote.membership;

import java.time.Instant;
import java.time.LocalDate;

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

@Entity
@Table(name = "member")
public class Member {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "member_seq")
    @SequenceGenerator(name = "member_seq", sequenceName = "member_seq", allocationSize = 50)
    public Long id;

    /** The OIDC subject this member logs in as; null for an imported member who has not logged in yet. */
    public String subject;

    @Column(name = "external_id")
    public String externalId;

    public String name;

    public String email;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    public String postcode;

    @Column(name = "staff_class")
    public String staffClass;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "constituency_id")
    public Constituency constituency;

    @Column(nullable = false)
    public MemberStatus status;

    @Column(name = "joined_on", nullable = false)
    public LocalDate joinedOn;

    @Column(name = "erased_at")
    public Instant erasedAt;

    /** When the member agreed to the membership terms; null for an imported member not yet claimed. */
    @Column(name = "consented_at")
    public Instant consentedAt;

    public boolean isErased() {
        return erasedAt != null;
    }

    @Version
    public int version;
}
