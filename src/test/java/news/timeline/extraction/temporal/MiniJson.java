package news.timeline.extraction.temporal;

import java.util.LinkedHashMap;
import java.util.Map;

/** Just enough JSON for the evaluation runner: a flat object of string (or number) members, and quoting. */
final class MiniJson {

    private MiniJson() {
    }

    static Map<String, String> strings(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        int[] pos = {json.indexOf('{') + 1};
        while (true) {
            skipWs(json, pos);
            if (json.charAt(pos[0]) == '}') {
                return out;
            }
            String key = string(json, pos);
            skipWs(json, pos);
            pos[0]++; // ':'
            skipWs(json, pos);
            String value;
            if (json.charAt(pos[0]) == '"') {
                value = string(json, pos);
            } else {
                int s = pos[0];
                while (",}".indexOf(json.charAt(pos[0])) < 0) {
                    pos[0]++;
                }
                value = json.substring(s, pos[0]).trim();
            }
            out.put(key, value);
            skipWs(json, pos);
            if (json.charAt(pos[0]) == ',') {
                pos[0]++;
            }
        }
    }

    private static void skipWs(String s, int[] pos) {
        while (Character.isWhitespace(s.charAt(pos[0]))) {
            pos[0]++;
        }
    }

    private static String string(String s, int[] pos) {
        StringBuilder sb = new StringBuilder();
        int i = pos[0] + 1;
        while (true) {
            char c = s.charAt(i++);
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
        pos[0] = i;
        return sb.toString();
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
