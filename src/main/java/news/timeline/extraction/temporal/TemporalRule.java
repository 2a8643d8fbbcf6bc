package news.timeline.extraction.temporal;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One extraction rule as loaded from {@code rules.txt}: a pattern (named patterns already expanded), the TIMEX3
 * type, value and modifier templates, the trigger words or lexicons that must occur for it to be tried, and its
 * own examples. {@code spanGroup} > 0 reports only that group as the expression (context matched, not marked).
 */
record TemporalRule(String id, String source, Pattern pattern, int spanGroup, TimexType type, ValueTemplate value,
                    ValueTemplate mod, List<Set<String>> triggers, int priority,
                    List<RuleExample> examples) {
}
