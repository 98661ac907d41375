package org.mutualvote.count;
import java.io.*; import java.nio.file.*;
public final class Recount { public static void main(String[] a) throws Exception { String rule = null, file = null; long seed = 0;
  for (int i = 0; i < a.length; i++) { switch (a[i]) { case "--rule" -> rule = a[++i]; case "--seed" -> seed = Long.parseLong(a[++i]); case "--format", "--seats" -> i++; default -> file = a[i]; } }
  Election e = Blt.read(Files.newBufferedReader(Path.of(file))); System.out.println(Counter.count(e, Rule.parse(rule), seed).toJson(e)); } }
