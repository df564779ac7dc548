package vn.dxgov.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the rooms small enough to find one's way in (issue 9, "Structure"): no class in {@code src/main/java} over
 * {@value #MAX_CLASS_LINES} lines and no method over {@value #MAX_METHOD_LINES} lines, unless a {@code // size: <why>}
 * comment says why, beside it: for a class anywhere above its type declaration (after the imports, say), for a
 * method between the member before it and its signature (with its Javadoc and annotations).
 *
 * <p>How it measures, without a Java parser (fast, no dependency): a class is its file, counted in physical lines as
 * {@code wc -l} does. For methods, comments, string and character literals and text blocks are blanked out first
 * (line breaks kept), then braces are counted: a block opened directly in the body of a class, interface, enum or
 * record (anything whose header names {@code class}/{@code interface}/{@code enum}/{@code record}, or an anonymous
 * {@code new X(...) {}} body) is a member: a method, a constructor, an initializer, a compact record constructor.
 * Its length runs from the first line of its signature (annotations not counted) to the line of its closing brace,
 * blank and comment lines included, lambdas and local classes inside it included.
 */
class SourceSizeTest {

    static final int MAX_CLASS_LINES = 400;
    static final int MAX_METHOD_LINES = 60;

    /** A reason: "// size:" and some words after it. */
    static final Pattern REASON = Pattern.compile("//\\s*size:\\s*\\S.{8,}");

    record Member(String name, int firstLine, int lastLine) {
        int lines() {
            return lastLine - firstLine + 1;
        }
    }

    @Test
    void noClassOrMethodTooLongWithoutAReason() throws IOException {
        Path main = Path.of("src/main/java");
        List<Finding> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String path = main.relativize(f).toString().replace('\\', '/');
                found.addAll(check(path, Files.readString(f, StandardCharsets.UTF_8)));
            }
        }
        assertThat(found.stream().map(Finding::toString))
                .as("split by concern, or write a // size: reason beside it").isEmpty();
    }

    /** A class ({@code method} null) or a method too long. */
    record Finding(String path, String method, int line, int lines) {
        @Override
        public String toString() {
            return method == null
                    ? path + ": class of " + lines + " lines (max " + MAX_CLASS_LINES + ")"
                    : path + ":" + line + ": " + method + " of " + lines + " lines (max " + MAX_METHOD_LINES + ")";
        }
    }

    /** The problems of one source file. */
    static List<Finding> check(String path, String source) {
        List<Finding> found = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        int fileLines = source.endsWith("\n") ? lines.length - 1 : lines.length;
        if (fileLines > MAX_CLASS_LINES && !hasReason(lines, 0, typeDeclarationLine(blank(source)))) {
            found.add(new Finding(path, null, 1, fileLines));
        }
        for (FoundMember m : membersWithReasonRange(source)) {
            if (m.lines() > MAX_METHOD_LINES && !hasReason(lines, m.reasonFrom(), m.firstLine())) {
                found.add(new Finding(path, m.name(), m.firstLine(), m.lines()));
            }
        }
        return found;
    }

    private static boolean hasReason(String[] lines, int fromLine, int toLine) {
        for (int i = Math.max(1, fromLine); i <= Math.min(toLine, lines.length); i++) {
            if (REASON.matcher(lines[i - 1]).find()) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern TYPE = Pattern.compile("\\b(class|interface|enum|record)\\s+\\w");

    private static int typeDeclarationLine(String blanked) {
        Matcher m = TYPE.matcher(blanked);
        return m.find() ? lineOf(blanked, m.start()) : 1;
    }

    static List<Member> members(String source) {
        return membersWithReasonRange(source).stream().map(FoundMember::member).toList();
    }

    private static final Pattern ANONYMOUS = Pattern.compile("\\bnew\\s+[\\w.<>, ?\\[\\]]+\\([^)]*\\)\\s*$",
            Pattern.DOTALL);

    /** One open block: whether its body holds members, and where the last member or header of it ended. */
    private static final class Block {
        final boolean typeBody;
        final String name;
        final int headerLine;
        final int reasonFrom;
        int lastEnd;

        Block(boolean typeBody, String name, int headerLine, int reasonFrom, int lastEnd) {
            this.typeBody = typeBody;
            this.name = name;
            this.headerLine = headerLine;
            this.reasonFrom = reasonFrom;
            this.lastEnd = lastEnd;
        }
    }

    static List<FoundMember> membersWithReasonRange(String source) {
        String text = blank(source);
        List<FoundMember> out = new ArrayList<>();
        Deque<Block> open = new ArrayDeque<>();
        int headerStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ';') {
                headerStart = i + 1;
            } else if (c == '{') {
                String header = text.substring(headerStart, i);
                Block parent = open.peek();
                // a local or anonymous class inside a method belongs to the method
                boolean typeBody = (parent == null || parent.typeBody)
                        && (TYPE.matcher(header).find() || ANONYMOUS.matcher(header.strip()).find());
                int signature = signatureStart(text, headerStart, i);
                int reasonFrom = parent == null ? 1 : lineOf(text, parent.lastEnd) + 1;
                open.push(new Block(typeBody, nameOf(header), lineOf(text, signature), reasonFrom, i));
                headerStart = i + 1;
            } else if (c == '}') {
                Block b = open.pop();
                Block parent = open.peek();
                if (parent != null && parent.typeBody && !b.typeBody) {
                    out.add(new FoundMember(new Member(b.name, b.headerLine, lineOf(text, i)), b.reasonFrom));
                }
                if (parent != null) {
                    parent.lastEnd = i;
                }
                headerStart = i + 1;
            }
        }
        return out;
    }

    /** A member and the first line its reason may be on: the line after the member before it. */
    record FoundMember(Member member, int reasonFrom) {
        String name() {
            return member.name();
        }

        int firstLine() {
            return member.firstLine();
        }

        int lines() {
            return member.lines();
        }
    }

    /** The first character of a header after its annotations (and their arguments) and white space. */
    private static int signatureStart(String text, int from, int to) {
        int i = from;
        while (true) {
            while (i < to && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i < to && text.charAt(i) == '@' && !text.startsWith("@interface", i)) {
                i++;
                while (i < to && (Character.isJavaIdentifierPart(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
                int j = i;
                while (j < to && Character.isWhitespace(text.charAt(j))) {
                    j++;
                }
                if (j < to && text.charAt(j) == '(') {
                    int depth = 0;
                    for (; j < to; j++) {
                        if (text.charAt(j) == '(') {
                            depth++;
                        } else if (text.charAt(j) == ')' && --depth == 0) {
                            j++;
                            break;
                        }
                    }
                    i = j;
                }
                continue;
            }
            return i;
        }
    }

    private static final Pattern CALLED = Pattern.compile("(\\w+)\\s*\\(");
    private static final Pattern WORD = Pattern.compile("(\\w+)");

    /** A method's or constructor's name (the word before its parameters), else the header's first word. */
    private static String nameOf(String header) {
        String h = header.strip().replaceAll("^(@\\w+(\\([^)]*\\))?\\s*)+", "");
        Matcher m = CALLED.matcher(h);
        if (m.find() && !h.substring(0, m.start()).contains("=")) {
            return m.group(1);
        }
        Matcher w = WORD.matcher(h.replaceAll("^((public|protected|private|static|final|abstract)\\s+)+", ""));
        return w.find() ? w.group(1) : "{}";
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The source with comments, strings, characters and text blocks turned into spaces, line breaks kept. */
    static String blank(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int n = source.length();
        int i = 0;
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                int end = source.indexOf('\n', i);
                end = end < 0 ? n : end;
                pad(out, source, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                pad(out, source, i, end);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = i + 3;
                while (end < n && !source.startsWith("\"\"\"", end)) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(n, end + 3);
                pad(out, source, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < n && source.charAt(end) != c && source.charAt(end) != '\n') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(n, end + 1);
                pad(out, source, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void pad(StringBuilder out, String source, int from, int to) {
        for (int k = from; k < to; k++) {
            out.append(source.charAt(k) == '\n' ? '\n' : ' ');
        }
    }

    // ---- the scanner sees what it is meant to see, so that an empty result means something

    private static String method(String name, int bodyLines) {
        StringBuilder b = new StringBuilder("    @Override\n    public int " + name + "(String a) {\n");
        for (int i = 0; i < bodyLines; i++) {
            b.append(i % 2 == 0 ? "        if (a.equals(\"}{\")) { a = \"{\"; }\n" : "        // } not a brace\n");
        }
        return b.append("        return 1;\n    }\n").toString();
    }

    private static List<String> checked(String path, String source) {
        return check(path, source).stream().map(Finding::toString).toList();
    }

    @Test
    void measuresMethodsFromSignatureToClosingBrace() {
        String source = "package x;\n\n/** A class { */\nclass A {\n    private int f = 1;\n\n" + method("shortOne", 2)
                + "\n" + method("longOne", 58) + "    record R(int a) {\n        R {\n            a = 1;\n        }\n    }\n"
                + "    Runnable r = new Runnable() {\n        public void run() {\n        }\n    };\n}\n";
        List<Member> members = members(source);
        assertThat(members).extracting(Member::name).containsExactly("shortOne", "longOne", "R", "run");
        assertThat(members.get(0).lines()).isEqualTo(5);
        assertThat(members.get(0).firstLine()).isEqualTo(8);
        assertThat(members.get(1).lines()).isEqualTo(61);
        assertThat(members.get(2).lines()).isEqualTo(3);
        assertThat(checked("A.java", source)).containsExactly("A.java:15: longOne of 61 lines (max 60)");
    }

    @Test
    void aReasonBesideTheMethodOrAboveTheClassLetsItPass() {
        String longMethod = method("table", 58);
        String reasoned = "class A {\n    void a() {\n    }\n\n    // size: one grammar table, read top to bottom\n"
                + longMethod + "}\n";
        assertThat(checked("A.java", reasoned)).isEmpty();
        // a reason above another member does not count
        String elsewhere = "class A {\n    // size: one grammar table, read top to bottom\n    void a() {\n    }\n\n"
                + longMethod + "}\n";
        assertThat(checked("A.java", elsewhere)).containsExactly("A.java:7: table of 61 lines (max 60)");
        String big = "class B {\n" + "    int x;\n".repeat(400) + "}\n";
        assertThat(checked("B.java", big)).containsExactly("B.java: class of 402 lines (max 400)");
        assertThat(checked("B.java", "// size: the whole grammar in one table\n" + big)).isEmpty();
    }

    @Test
    void lambdasLocalClassesAndControlBlocksBelongToTheirMethod() {
        String source = "class A {\n    void a() {\n        Runnable r = () -> {\n            x();\n        };\n"
                + "        class L {\n            void l() {\n            }\n        }\n        for (;;) {\n        }\n    }\n"
                + "    static {\n        y();\n    }\n}\n";
        assertThat(members(source)).extracting(Member::name).containsExactly("a", "static");
        assertThat(members(source).get(0).lines()).isEqualTo(11);
    }
}
