package news.timeline.web;

import java.util.List;

/** One page of a list: {@code {"items": [...], "next": "<cursor>" | null}}. */
public record Page<T>(List<T> items, String next) {
}
