package io.drover.yaml;

/** Thrown for text that is not YAML. */
public final class YamlSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final int line;
    private final int column;
    private final String problem;

    public YamlSyntaxException(String path, int line, int column, String problem) {
        super(path + ":" + line + ":" + column + ": " + problem);
        this.path = path;
        this.line = line;
        this.column = column;
        this.problem = problem;
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
}
