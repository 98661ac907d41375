package org.mutualvote.election;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.mutualvote.count.Rule;

/** What an election adds to its contest: seats and the voting method. Shares the contest's id. */
@Entity
@Table(name = "election")
public class Election {

    @Id
    @Column(name = "contest_id")
    public Long contestId;

    public int seats;

    @Convert(converter = ElectionConverters.MethodConverter.class)
    public ElectionMethod method;

    @Column(name = "stv_rule")
    @Convert(converter = ElectionConverters.RuleConverter.class)
    public StvRule stvRule;

    /** The counting engine's rule for this election. */
    public Rule countRule() {
        return switch (method) {
            case FPTP -> Rule.FPTP;
            case IRV -> Rule.IRV;
            case STV -> Rule.parse(stvRule.key());
        };
    }
}
