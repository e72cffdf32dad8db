package cn.sc.countyeconomy.reformpilot;

import cn.sc.countyeconomy.api.testing.TestTokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Runs the bash of a README section as written: the few shell forms it uses (variable assignments,
 * {@code $(deploy/local/token.sh ROLES)}, {@code $(etag $P)}, {@code X=$(curl ... | jq .id)} and plain
 * {@code curl} calls with {@code -H} and {@code -d}) against the service under test, with tokens signed by
 * {@link TestTokens}. A form it does not know fails the test, so the README cannot drift into bash this
 * test silently skips.
 */
final class ReadmeCurl {

    /** One curl the section made, with what it answered. */
    record Call(String method, String path, String body, int status, String answer) {
    }

    private final Map<String, String> vars = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();

    /** The fenced bash blocks of the section that starts with {@code heading}, up to the next heading of its level. */
    static List<String> section(Path readme, String heading) throws IOException {
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf("\n" + heading + "\n");
        if (start < 0) {
            throw new IllegalStateException(readme + " has no section " + heading);
        }
        int end = text.indexOf("\n## ", start + 1);
        String section = end < 0 ? text.substring(start) : text.substring(start, end);
        List<String> commands = new ArrayList<>();
        boolean inBash = false;
        StringBuilder current = new StringBuilder();
        for (String line : section.split("\n")) {
            if (line.startsWith("```")) {
                inBash = !inBash && line.equals("```bash");
                continue;
            }
            if (!inBash || (current.isEmpty() && (line.isBlank() || line.trim().startsWith("#")))) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            if (current.chars().filter(ch -> ch == '\'').count() % 2 == 1) {
                current.append('\n'); // inside a single-quoted body that spans lines
                continue;
            }
            commands.add(current.toString().trim());
            current.setLength(0);
        }
        return commands;
    }

    List<Call> calls() {
        return calls;
    }

    String var(String name) {
        return vars.get(name);
    }

    /** Runs one command line (statements separated by "; "). */
    void run(String line) {
        if (line.matches("[a-z]+\\(\\) \\{.*\\}")) {
            return; // a shell function (etag): played by expand()
        }
        for (String statement : line.split(";\\s+(?=[A-Za-z_]+=|curl )")) {
            statement = statement.trim();
            int eq = statement.indexOf('=');
            if (statement.matches("(?s)[A-Za-z_]+=.*")) {
                String name = statement.substring(0, eq);
                String value = statement.substring(eq + 1);
                if (value.startsWith("$(curl ") && value.endsWith("| jq .id)")) {
                    Call c = curl(value.substring(2, value.indexOf('|')).trim());
                    vars.put(name, io.restassured.path.json.JsonPath.from(c.answer()).getString("id"));
                } else {
                    vars.put(name, String.join("", words(value)));
                }
            } else if (statement.startsWith("curl ")) {
                curl(statement);
            } else {
                throw new IllegalStateException("the README uses a shell form this test does not play: " + statement);
            }
        }
    }

    private Call curl(String command) {
        List<String> w = words(command);
        RequestSpecification request = given().urlEncodingEnabled(false);
        String body = null;
        String url = null;
        for (int i = 1; i < w.size(); i++) {
            switch (w.get(i)) {
                case "-s" -> {
                }
                case "-H" -> {
                    String h = w.get(++i);
                    int colon = h.indexOf(':');
                    request.header(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
                }
                case "-d" -> body = w.get(++i);
                default -> {
                    if (w.get(i).startsWith("-")) {
                        throw new IllegalStateException("curl option this test does not play: " + w.get(i));
                    }
                    url = w.get(i);
                }
            }
        }
        String path = url.replaceFirst("^http://localhost:8084", "");
        Response r = body == null
                ? request.when().get(path)
                : request.body(body.getBytes(StandardCharsets.UTF_8)).when().post(path);
        Call c = new Call(body == null ? "GET" : "POST", path, body, r.statusCode(), r.asString());
        calls.add(c);
        return c;
    }

    /** Shell words: quotes removed, $VAR and $(...) expanded ('...' literal). */
    List<String> words(String s) {
        List<String> words = new ArrayList<>();
        StringBuilder w = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                if (w != null) {
                    words.add(w.toString());
                    w = null;
                }
                continue;
            }
            if (w == null) {
                w = new StringBuilder();
            }
            if (c == '\'') {
                int close = s.indexOf('\'', i + 1);
                w.append(s, i + 1, close);
                i = close;
            } else if (c == '"') {
                int j = i + 1;
                StringBuilder inner = new StringBuilder();
                while (s.charAt(j) != '"') {
                    if (s.charAt(j) == '$') {
                        j = expand(s, j, inner::append);
                    } else {
                        inner.append(s.charAt(j));
                    }
                    j++;
                }
                w.append(inner);
                i = j;
            } else if (c == '$') {
                StringBuilder out = w;
                i = expand(s, i, out::append);
            } else {
                w.append(c);
            }
        }
        if (w != null) {
            words.add(w.toString());
        }
        return words;
    }

    /** Expands the $NAME or $(...) at {@code at}; returns the index of its last character. */
    private int expand(String s, int at, java.util.function.Consumer<String> out) {
        if (s.charAt(at + 1) == '(') {
            int depth = 0;
            int j = at + 1;
            for (; j < s.length(); j++) {
                if (s.charAt(j) == '(') {
                    depth++;
                } else if (s.charAt(j) == ')' && --depth == 0) {
                    break;
                }
            }
            out.accept(substitution(s.substring(at + 2, j).trim()));
            return j;
        }
        int j = at + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        String name = s.substring(at + 1, j);
        if (!vars.containsKey(name)) {
            throw new IllegalStateException("$" + name + " is used before the README sets it");
        }
        out.accept(vars.get(name));
        return j - 1;
    }

    private String substitution(String command) {
        List<String> w = words(command);
        if (w.get(0).equals("deploy/local/token.sh")) {
            return TestTokens.bearer(w.get(1).split(",")).substring("Bearer ".length());
        }
        if (w.get(0).equals("etag")) {
            return given().header("Authorization", "Bearer " + vars.get("R")).when().get("/api/v1/pilots/" + w.get(1))
                    .then().statusCode(200).extract().header("ETag");
        }
        throw new IllegalStateException("the README uses a command substitution this test does not play: $(" + command + ")");
    }
}
