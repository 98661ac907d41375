package org.mutualvote.membership;

import org.mutualvote.membership.MemberDtos.MemberView;

/** The outcome of a sign-up, switched on by the resource. */
public sealed interface SignUp {

    /** A new member record, active or pending review. */
    record Joined(MemberView member) implements SignUp {
    }

    /** An imported record with the same email (and no login yet) is now linked to the caller. */
    record Linked(MemberView member) implements SignUp {
    }

    record AlreadyMember(long memberId) implements SignUp {
    }

    record EmailTaken() implements SignUp {
    }

    record NotEligible(Eligibility why) implements SignUp {
    }
}
