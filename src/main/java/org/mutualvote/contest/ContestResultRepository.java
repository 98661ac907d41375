package org.mutualvote.contest;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ContestResultRepository implements PanacheRepositoryBase<ContestResult, Long> {
}
