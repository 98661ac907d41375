package org.mutualvote.ballot;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A vote: candidate ids, most preferred first (for a block vote, simply the candidates chosen). */
public record CastRequest(@NotNull @Size(min = 1, max = 200, message = "choose between 1 and 200 candidates") List<@NotNull Long> choices) {
}
