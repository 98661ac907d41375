package org.mutualvote.count;
import java.io.*; import java.util.*;
public final class Blt {
  public static Election read(Reader r) throws BltFormatException { try { List<String> lines = new BufferedReader(r).lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
    String[] h = lines.get(0).split("\\s+"); int n = Integer.parseInt(h[0]), seats = Integer.parseInt(h[1]); int i = 1; Set<Integer> w = new TreeSet<>();
    if (lines.get(1).startsWith("-")) { for (String s : lines.get(1).split("\\s+")) w.add(-Integer.parseInt(s) - 1); i++; }
    List<Ballot> bs = new ArrayList<>(); for (; !lines.get(i).equals("0"); i++) { String[] p = lines.get(i).split("\\s+"); int[] rk = new int[p.length - 2]; for (int k = 1; k < p.length - 1; k++) rk[k - 1] = Integer.parseInt(p[k]) - 1; bs.add(new Ballot(Long.parseLong(p[0]), rk)); }
    i++; List<String> names = new ArrayList<>(); for (int k = 0; k < n; k++) names.add(lines.get(i++).replace("\"", ""));
    return new Election(lines.get(i).replace("\"", ""), names, seats, w, bs); } catch (RuntimeException ex) { throw new BltFormatException("line ?: " + ex.getMessage()); } }
  public static void write(Election e, Writer w) throws IOException { w.write(e.candidates().size() + " " + e.seats() + "\n");
    if (!e.withdrawn().isEmpty()) { StringJoiner j = new StringJoiner(" "); for (int x : e.withdrawn()) j.add("-" + (x + 1)); w.write(j + "\n"); }
    for (Ballot b : e.ballots()) { w.write(Long.toString(b.weight())); for (int c : b.ranking()) w.write(" " + (c + 1)); w.write(" 0\n"); }
    w.write("0\n"); for (String n : e.candidates()) w.write("\"" + n + "\"\n"); w.write("\"" + e.title() + "\"\n"); } }
