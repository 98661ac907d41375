package org.mutualvote.election;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ElectionRepository implements PanacheRepositoryBase<Election, Long> {
}
