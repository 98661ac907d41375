package org.mutualvote.ballot;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a {@link BallotForm} reads about a contest (candidates, a question), kept per contest once voting is open:
 * nothing on a ballot form may change then, so an entry never goes stale. The service asks for the form before the
 * cast statement checks that voting is open, so what was read earlier is used once and not kept. Bounded; another
 * instance keeps its own.
 */
public final class FormsWhileOpen<F> {

    /** What was read, and whether voting was open when it was. */
    public record Read<F>(F form, boolean votingOpen) {
    }

    @FunctionalInterface
    public interface Reader<F> {
        Read<F> read(long contestId) throws SQLException;
    }

    private static final int MAX_CONTESTS = 1000;

    private final Map<Long, F> forms = new ConcurrentHashMap<>();

    public F get(long contestId, Reader<F> reader) throws SQLException {
        F form = forms.get(contestId);
        if (form != null) {
            return form;
        }
        Read<F> read = reader.read(contestId);
        if (read.votingOpen()) {
            if (forms.size() >= MAX_CONTESTS) {
                forms.clear();
            }
            forms.put(contestId, read.form());
        }
        return read.form();
    }
}
