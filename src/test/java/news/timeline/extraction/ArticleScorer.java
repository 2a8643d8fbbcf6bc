package news.timeline.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article scorer of {@code shared/tools/score-articles.py}, line for line in Java, so that the suite can hold the
 * extractor to its totals without Python: events match on overlapping dates and a shared actor (one-to-one, greedy,
 * best first; a gold event naming no actor needs the type instead; "report" events are optional), actors against the
 * gold actors named in the text, agreements on name overlap.
 */
final class ArticleScorer {

    private static final Set<String> STOP = Set.of("the", "of", "on", "and", "a", "an", "for", "in", "to", "s");
    private static final Pattern ISO = Pattern.compile("^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?$");

    /** One article's counts. */
    record Score(int evTp, int evFp, int evFn, int exact, int typed, boolean main, int acTp, int acFp, int acFn,
                 int agTp, int agFp, int agFn) {
    }

    private ArticleScorer() {
    }

    static String fold(String s) {
        String x = (s == null ? "" : s).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        x = x.replaceAll("'s\\b", "");
        x = x.replaceAll("[^a-z0-9]+", " ");
        List<String> out = new ArrayList<>();
        for (String w : x.trim().split("\\s+")) {
            if (!w.isEmpty() && !w.equals("the")) {
                out.add(w);
            }
        }
        return String.join(" ", out);
    }

    static Set<String> words(String s) {
        Set<String> out = new HashSet<>();
        for (String w : fold(s).split(" ")) {
            if (!w.isEmpty() && !STOP.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    static String[] interval(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        String v = value.length() > 10 ? value.substring(0, 10) : value;
        Matcher m = ISO.matcher(v);
        if (!m.matches()) {
            return null;
        }
        int y = Integer.parseInt(m.group(1));
        if (m.group(3) != null) {
            String d = String.format("%04d-%s-%s", y, m.group(2), m.group(3));
            return new String[] {d, d};
        }
        if (m.group(2) != null) {
            YearMonth ym = YearMonth.of(y, Integer.parseInt(m.group(2)));
            return new String[] {ym.atDay(1).toString(), ym.atEndOfMonth().toString()};
        }
        return new String[] {LocalDate.of(y, 1, 1).toString(), LocalDate.of(y, 12, 31).toString()};
    }

    private static String[] sysInterval(JsonNode date) {
        if (date == null || !date.isObject()) {
            return null;
        }
        String start = date.path("start").asText(null);
        String end = date.path("end").asText(null);
        if (start != null && end != null) {
            return new String[] {start.substring(0, Math.min(10, start.length())), end.substring(0, Math.min(10, end.length()))};
        }
        return interval(date.path("value").asText(null));
    }

    static Set<String> namesOf(JsonNode actor) {
        Set<String> out = new HashSet<>();
        if (!actor.isObject()) {
            out.add(fold(actor.asText()));
            return out;
        }
        out.add(fold(actor.path("name").asText("")));
        out.add(fold(actor.path("slug").asText("").replace('-', ' ')));
        for (JsonNode a : actor.path("aliases")) {
            out.add(fold(a.asText()));
        }
        out.remove("");
        return out;
    }

    static boolean sameActor(Set<String> sysNames, JsonNode gold) {
        Set<String> goldNames = new HashSet<>();
        goldNames.add(fold(gold.path("name").asText()));
        for (JsonNode a : gold.path("aliases")) {
            goldNames.add(fold(a.asText()));
        }
        goldNames.remove("");
        for (String s : sysNames) {
            if (goldNames.contains(s)) {
                return true;
            }
        }
        for (String s : sysNames) {
            Set<String> ws = new HashSet<>(List.of(s.split(" ")));
            for (String g : goldNames) {
                Set<String> wg = new HashSet<>(List.of(g.split(" ")));
                if (ws.size() >= 2 && wg.containsAll(ws) || wg.size() >= 2 && ws.containsAll(wg)) {
                    return true;
                }
            }
        }
        return false;
    }

    static Score score(JsonNode gold, JsonNode resp) {
        java.util.Map<String, JsonNode> gactors = new java.util.HashMap<>();
        for (JsonNode a : gold.path("actors")) {
            gactors.put(a.path("name").asText(), a);
        }
        List<JsonNode> gevents = list(gold.path("events"));
        List<JsonNode> sevents = list(resp.path("events"));
        List<int[]> pairs = new ArrayList<>(); // exact, shared, i, j
        for (int i = 0; i < gevents.size(); i++) {
            JsonNode ge = gevents.get(i);
            String target = ge.has("text_date") ? ge.get("text_date").asText(null) : ge.path("date").asText(null);
            if (ge.has("text_date") && ge.get("text_date").isNull()) {
                target = null;
            }
            String[] giv = interval(target);
            List<JsonNode> gnames = new ArrayList<>();
            for (JsonNode n : ge.path("actors")) {
                if (gactors.containsKey(n.asText())) {
                    gnames.add(gactors.get(n.asText()));
                }
            }
            for (int j = 0; j < sevents.size(); j++) {
                JsonNode se = sevents.get(j);
                String[] siv = sysInterval(se.get("date"));
                String sval = se.path("date").path("value").asText(null);
                if (giv != null && (siv == null || siv[1].compareTo(giv[0]) < 0 || siv[0].compareTo(giv[1]) > 0)) {
                    continue;
                }
                List<Set<String>> parts = new ArrayList<>();
                for (JsonNode p : se.path("participants")) {
                    parts.add(namesOf(p.has("actor") ? p.get("actor") : p));
                }
                int shared = 0;
                for (JsonNode ga : gnames) {
                    if (parts.stream().anyMatch(sn -> sameActor(sn, ga))) {
                        shared++;
                    }
                }
                if (gnames.isEmpty()) {
                    shared = se.path("type").asText().equals(ge.path("type").asText()) ? 1 : 0;
                }
                if (shared == 0) {
                    continue;
                }
                boolean exact = giv == null || (java.util.Arrays.equals(siv, giv) && sval != null && !sval.isEmpty()
                        && sval.substring(0, Math.min(10, sval.length())).length() == target.length());
                pairs.add(new int[] {exact ? 1 : 0, shared, i, j});
            }
        }
        // Python: sort by (exact, shared, -i, -j) descending
        pairs.sort((a, b) -> a[0] != b[0] ? b[0] - a[0] : a[1] != b[1] ? b[1] - a[1] : a[2] != b[2] ? a[2] - b[2] : a[3] - b[3]);
        Set<Integer> usedG = new HashSet<>();
        Set<Integer> usedS = new HashSet<>();
        List<int[]> matches = new ArrayList<>();
        for (int[] p : pairs) {
            if (usedG.contains(p[2]) || usedS.contains(p[3])) {
                continue;
            }
            usedG.add(p[2]);
            usedS.add(p[3]);
            matches.add(new int[] {p[2], p[3], p[0]});
        }
        Set<Integer> optional = new HashSet<>();
        for (int i = 0; i < gevents.size(); i++) {
            if (gevents.get(i).path("type").asText().equals("report")) {
                optional.add(i);
            }
        }
        int tp = 0;
        int exact = 0;
        int typed = 0;
        boolean main = false;
        for (int[] m : matches) {
            if (!optional.contains(m[0])) {
                tp++;
                exact += m[2];
                if (sevents.get(m[1]).path("type").asText().equals(gevents.get(m[0]).path("type").asText())) {
                    typed++;
                }
            }
            main |= gevents.get(m[0]).path("main").asBoolean(false) && m[2] == 1;
        }
        int fp = sevents.size() - matches.size();
        int fn = 0;
        for (int i = 0; i < gevents.size(); i++) {
            if (!usedG.contains(i) && !optional.contains(i)) {
                fn++;
            }
        }
        // actors
        List<JsonNode> named = new ArrayList<>();
        for (JsonNode a : gold.path("actors")) {
            if (a.path("aliases").size() > 0) {
                named.add(a);
            }
        }
        List<Set<String>> sysNames = new ArrayList<>();
        for (JsonNode a : resp.path("actors")) {
            sysNames.add(namesOf(a));
        }
        int found = 0;
        for (JsonNode a : named) {
            if (sysNames.stream().anyMatch(s -> sameActor(s, a))) {
                found++;
            }
        }
        int hit = 0;
        for (Set<String> s : sysNames) {
            for (JsonNode a : gold.path("actors")) {
                if (sameActor(s, a)) {
                    hit++;
                    break;
                }
            }
        }
        // agreements
        List<JsonNode> sagr = list(resp.path("agreements"));
        Set<Integer> used = new HashSet<>();
        int agTp = 0;
        for (JsonNode ga : gold.path("agreements")) {
            List<String> gnames = new ArrayList<>();
            gnames.add(ga.path("name").asText());
            for (JsonNode x : ga.path("aliases")) {
                gnames.add(x.asText());
            }
            double best = 0;
            int bestJ = -1;
            for (int j = 0; j < sagr.size(); j++) {
                if (used.contains(j)) {
                    continue;
                }
                for (String gn : gnames) {
                    for (String sn : namesOf(sagr.get(j))) {
                        Set<String> a = words(gn);
                        Set<String> b = new HashSet<>(List.of(sn.split(" ")));
                        b.removeAll(STOP);
                        b.remove("");
                        if (!a.isEmpty() && !b.isEmpty()) {
                            Set<String> inter = new HashSet<>(a);
                            inter.retainAll(b);
                            Set<String> union = new HashSet<>(a);
                            union.addAll(b);
                            double ov = (double) inter.size() / union.size();
                            if (ov > best) {
                                best = ov;
                                bestJ = j;
                            }
                        }
                    }
                }
            }
            if (bestJ >= 0 && best >= 0.5) {
                used.add(bestJ);
                agTp++;
            }
        }
        int gagr = gold.path("agreements").size();
        return new Score(tp, fp, fn, exact, typed, main, found, sysNames.size() - hit, named.size() - found,
                agTp, sagr.size() - used.size(), gagr - agTp);
    }

    static double f1(int tp, int fp, int fn) {
        if (tp + fp + fn == 0) {
            return 1.0;
        }
        double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
