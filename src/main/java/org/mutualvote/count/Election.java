package org.mutualvote.count;
import java.util.*;
public record Election(String title, List<String> candidates, int seats, Set<Integer> withdrawn, List<Ballot> ballots) {}
