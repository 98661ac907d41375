package org.mutualvote.membership;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class MemberRepository implements PanacheRepository<Member> {

    public Optional<Member> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }

    public Optional<Member> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email).firstResultOptional();
    }

    public long countInConstituency(long constituencyId) {
        return count("constituency.id", constituencyId);
    }
}
