package org.mutualvote.membership;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ConstituencyRepository implements PanacheRepository<Constituency> {

    public List<Constituency> listOpen() {
        return list("retired = false", Sort.by("name"));
    }

    public boolean nameTaken(String name, Long exceptId) {
        return count("lower(name) = lower(?1) and id <> ?2", name, exceptId == null ? -1L : exceptId) > 0;
    }
}
