package org.mutualvote.count;
import java.util.*;
public record CountResult(Rule rule, int seats, long seed, List<Integer> elected, List<Stage> stages) {
  public String toJson(Election e) { StringBuilder sb = new StringBuilder("{\"rule\":\"" + rule.key() + "\",\"seats\":" + seats + ",\"seed\":" + seed + ",\"elected\":[");
    for (int i = 0; i < elected.size(); i++) sb.append(i == 0 ? "" : ",").append('"').append(e.candidates().get(elected.get(i))).append('"');
    return sb.append("],\"stages\":[]}").toString(); }
  public String toText(Election e) { return toJson(e); } }
