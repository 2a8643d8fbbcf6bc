package news.timeline.extraction.temporal;

/** TimeML TIMEX3 types. */
public enum TimexType { DATE, TIME, DURATION, SET }
