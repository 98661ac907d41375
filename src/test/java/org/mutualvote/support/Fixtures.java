package org.mutualvote.support;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.mutualvote.membership.Constituency;
import org.mutualvote.membership.ConstituencyKind;
import org.mutualvote.membership.ConstituencyRepository;
import org.mutualvote.membership.Member;
import org.mutualvote.membership.MemberRepository;
import org.mutualvote.membership.MemberStatus;

/** Puts register data straight into the database, for tests whose subject is not the register itself. */
@ApplicationScoped
public class Fixtures {

    private final ConstituencyRepository constituencies;
    private final MemberRepository members;

    Fixtures(ConstituencyRepository constituencies, MemberRepository members) {
        this.constituencies = constituencies;
        this.members = members;
    }

    @Transactional
    public long constituency(String prefix) {
        Constituency c = new Constituency();
        c.name = prefix + " " + UUID.randomUUID().toString().substring(0, 8);
        c.kind = ConstituencyKind.OTHER;
        c.seats = 3;
        constituencies.persist(c);
        return c.id;
    }

    /** Makes the member logging in as {@code subject} an active member of the constituency. */
    @Transactional
    public long activeMember(String subject, long constituencyId) {
        Member m = members.findBySubject(subject).orElseGet(Member::new);
        if (m.id == null) {
            m.subject = subject;
            m.name = "Test " + subject;
            m.email = subject + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            m.dateOfBirth = LocalDate.of(1980, 1, 1);
            m.joinedOn = LocalDate.now();
        }
        m.constituency = constituencies.findById(constituencyId);
        m.status = MemberStatus.ACTIVE;
        members.persist(m);
        return m.id;
    }
}
