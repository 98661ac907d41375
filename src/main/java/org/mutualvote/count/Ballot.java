package org.mutualvote.count;
public record Ballot(long weight, int[] ranking) {}
