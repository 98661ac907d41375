package org.mutualvote.membership;

import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.mutualvote.web.PlainText;

/** API shapes for constituencies. */
public final class ConstituencyDtos {

    private ConstituencyDtos() {
    }

    /** Create or edit. Areas are postcode districts (public only); staff classes are for staff only. */
    public record ConstituencyRequest(
            @NotNull ConstituencyKind kind,
            @NotBlank @Size(max = 200) @PlainText String name,
            @NotNull @Min(1) @Max(1000) Integer seats,
            @Min(0) @Max(120) Integer minAge,
            Set<@NotBlank @Size(max = 8) @PlainText String> areas,
            Set<@NotBlank @Size(max = 100) @PlainText String> staffClasses,
            Boolean reviewApplications) {
    }

    public record ConstituencyView(long id, String name, String kind, int seats, int minAge, List<String> areas,
            List<String> staffClasses, boolean reviewApplications, boolean retired) {

        static ConstituencyView from(Constituency c) {
            return new ConstituencyView(c.id, c.name, c.kind.key(), c.seats, c.minAge, c.areas.stream().sorted().toList(),
                    c.staffClasses.stream().sorted().toList(), c.reviewApplications, c.retired);
        }
    }
}
