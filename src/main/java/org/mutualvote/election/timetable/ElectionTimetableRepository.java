package org.mutualvote.election.timetable;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ElectionTimetableRepository implements PanacheRepositoryBase<ElectionTimetable, Long> {
}
