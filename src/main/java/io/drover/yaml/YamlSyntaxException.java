package io.drover.yaml;

/**
 * Thrown for text Drover does not read as YAML: text that is not YAML, or YAML beyond one of
 * {@link YamlLimits}, which is refused without calling it invalid.
 */
public final class YamlSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final int line;
    private final int column;
    private final String problem;
    private final boolean limit;
    private final String fix;

    public YamlSyntaxException(String path, int line, int column, String problem) {
        this(path, line, column, problem, false, "correct the YAML syntax at that line");
    }

    private YamlSyntaxException(String path, int line, int column, String problem, boolean limit, String fix) {
        super(path + ":" + line + ":" + column + ": " + problem);
        this.path = path;
        this.line = line;
        this.column = column;
        this.problem = problem;
        this.limit = limit;
        this.fix = fix;
    }

    /** The text may well be YAML, but exceeds what Drover reads. */
    static YamlSyntaxException limit(String path, int line, int column, String problem, String fix) {
        return new YamlSyntaxException(path, line, column, problem, true, fix);
    }

    public String path() {
        return path;
    }

    /** 1-based. */
    public int line() {
        return line;
    }

    /** 1-based. */
    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }

    public boolean isLimit() {
        return limit;
    }

    /** What to tell the user about the line: invalid YAML, or refused at a limit. */
    public String statement() {
        return limit ? "refused: " + problem : "not valid YAML: " + problem + " (column " + column + ")";
    }

    public String fix() {
        return fix;
    }
}
