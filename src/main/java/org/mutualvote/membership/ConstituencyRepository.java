package org.mutualvote.membership;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.mutualvote.web.Phrase;
import org.mutualvote.web.Problem.FieldError;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ConstituencyRepository implements PanacheRepository<Constituency> {

    public List<Constituency> listOpen() {
        return list("retired = false", Sort.by("name"));
    }

    /**
     * The open constituency an election, a poll of motions or a surplus vote is put to; otherwise null, with what is
     * wrong (no such constituency, or a retired one) added to {@code errors} under {@code field}.
     */
    public Constituency openOrFault(Long id, String field, List<FieldError> errors) {
        Constituency c = id == null ? null : findById(id);
        if (c == null) {
            errors.add(Phrase.of("constituency-unknown", "no constituency has id " + id, "id", id).at(field));
            return null;
        }
        if (c.retired) {
            errors.add(Phrase.of("constituency-is-retired", c.name + " is retired", "constituency", c.name).at(field));
            return null;
        }
        return c;
    }

    public boolean nameTaken(String name, Long exceptId) {
        return count("lower(name) = lower(?1) and id <> ?2", name, exceptId == null ? -1L : exceptId) > 0;
    }
}
