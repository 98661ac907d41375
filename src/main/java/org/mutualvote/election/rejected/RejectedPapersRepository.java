package org.mutualvote.election.rejected;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class RejectedPapersRepository implements PanacheRepositoryBase<RejectedPapers, Long> {
}
