package org.mutualvote.count;
public class BltFormatException extends Exception { public BltFormatException(String m) { super(m); } }
