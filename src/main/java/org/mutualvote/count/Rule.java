package org.mutualvote.count;
public enum Rule { FPTP, IRV, SCOTLAND, ERS97, MEEK, WIGM;
  public static Rule parse(String key) { for (Rule r : values()) if (r.key().equals(key)) return r; throw new IllegalArgumentException("unknown rule " + key); }
  public String key() { return name().toLowerCase(); } }
