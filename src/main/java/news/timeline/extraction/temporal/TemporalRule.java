package news.timeline.extraction.temporal;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One extraction rule as loaded from {@code rules.txt}: a pattern (named patterns already expanded), the TIMEX3
 * type, value and modifier templates, the trigger words or lexicons that must occur for it to be tried, and its
 * own examples.
 */
record TemporalRule(String id, String source, Pattern pattern, TimexType type, ValueTemplate value,
                    ValueTemplate mod, Set<String> triggers, int priority,
                    List<RuleExample> examples) {
}
