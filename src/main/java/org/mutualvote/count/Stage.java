package org.mutualvote.count;
public record Stage(int number) {}
