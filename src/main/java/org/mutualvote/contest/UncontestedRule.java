package org.mutualvote.contest;

/**
 * How a kind of contest says it needs no poll (an election with no more candidates than seats).
 * Implemented by the kinds that can be uncontested; the lifecycle asks it when voting would open.
 */
public interface UncontestedRule {

    ContestKind kind();

    boolean isUncontested(Contest contest);

    /** Records the result of a contest that needs no poll (everyone standing is elected). */
    void declare(Contest contest);
}
