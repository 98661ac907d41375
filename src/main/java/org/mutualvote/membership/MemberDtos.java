package org.mutualvote.membership;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import org.mutualvote.web.Plausible;
import org.mutualvote.web.PlainText;

/** API shapes for members. */
public final class MemberDtos {

    private MemberDtos() {
    }

    /**
     * A sign-up. Give a postcode (public constituencies), a staff class (staff constituencies), or name a
     * patient or other constituency by {@code constituencyId}.
     */
    public record Application(
            @NotBlank @Size(max = 200) @PlainText String name,
            @NotBlank @Email @Size(max = 254) @PlainText String email,
            @NotNull @Past @Plausible LocalDate dateOfBirth,
            @Size(max = 10) @PlainText String postcode,
            @Size(max = 100) @PlainText String staffClass,
            Long constituencyId,
            @NotNull @AssertTrue(message = "you must agree to the membership terms") Boolean consent) {
    }

    /** A member's change of their own details; eligibility is checked again. */
    public record DetailsUpdate(
            @NotBlank @Size(max = 200) @PlainText String name,
            @NotBlank @Email @Size(max = 254) @PlainText String email,
            @NotNull @Past @Plausible LocalDate dateOfBirth,
            @Size(max = 10) @PlainText String postcode,
            @Size(max = 100) @PlainText String staffClass,
            Long constituencyId) {
    }

    public record StatusChange(@NotNull MemberStatus status, @NotBlank @Size(max = 500) @PlainText(multiline = true) String reason) {
    }

    public record Rejection(@NotBlank @Size(max = 500) @PlainText(multiline = true) String reason) {
    }

    public record MemberView(long id, String name, String email, LocalDate dateOfBirth, String postcode, String staffClass,
            String externalId, long constituencyId, String constituencyName, String status, LocalDate joinedOn,
            boolean erased, boolean linked) {

        static MemberView from(Member m) {
            return new MemberView(m.id, m.name, m.email, m.dateOfBirth, m.postcode, m.staffClass, m.externalId,
                    m.constituency.id, m.constituency.name, m.status.key(), m.joinedOn, m.isErased(), m.subject != null);
        }
    }

    public record MemberPage(List<MemberView> items, int page, int size, long total) {
    }

    /** Counts only: no personal data, for scrutineers and the board. */
    public record CountRow(long constituencyId, String constituency, String status, long count) {
    }

    public record Counts(List<CountRow> rows, long total) {
    }
}
