package org.mutualvote.count;
import java.util.*;
public final class Counter { public static CountResult count(Election e, Rule rule, long seed) {
  long[] v = new long[e.candidates().size()];
  for (Ballot b : e.ballots()) for (int c : b.ranking()) if (!e.withdrawn().contains(c)) { v[c] += b.weight(); break; }
  List<Integer> idx = new ArrayList<>(); for (int i = 0; i < v.length; i++) if (!e.withdrawn().contains(i)) idx.add(i);
  idx.sort((a, b) -> Long.compare(v[b], v[a]) != 0 ? Long.compare(v[b], v[a]) : Integer.compare(a, b));
  return new CountResult(rule, e.seats(), seed, idx.subList(0, Math.min(e.seats(), idx.size())), List.of()); } }
